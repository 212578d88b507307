import { afterEach, describe, expect, it } from 'vitest';
import { failsCleanly, siteFactory } from '../helpers/adversarial.js';

const sites = siteFactory();
afterEach(() => sites.cleanup());

const ARTICLE = 'while rendering /xuexi/2022/03/good/ (from content/xuexi/good.md)';
const MISSING = "a value is missing: guard it with {% if … %} or write it as {{ x | default('') }}";

/** A site template that is wrong, and the line the maintainer sees: always the template's own file:line:col. */
const cases: Array<[name: string, files: Record<string, string>, expected: string]> = [
  [
    'a layout that includes a missing template',
    {
      'templates/base.njk':
        '<!DOCTYPE html>\n<html>\n{% include "nope.njk" %}\n{% block content %}{% endblock %}\n</html>\n',
    },
    'templates/base.njk:3:12: error: template error: template not found: nope.njk; while rendering /',
  ],
  [
    'a partial that includes a missing template',
    { 'templates/partials/meta-line.njk': '<p>\n{% include "partials/nope.njk" %}\n</p>\n' },
    `templates/partials/meta-line.njk:2:12: error: template error: template not found: partials/nope.njk; ${ARTICLE}`,
  ],
  [
    'a syntax error',
    {
      'templates/article.njk':
        '{% extends "base.njk" %}\n{% block content %}\n<h1>{{ article.title </h1>\n{% endblock %}\n',
    },
    'templates/article.njk:3:23: error: template error: unexpected token: /',
  ],
  [
    'a block never closed',
    { 'templates/partials/meta-line.njk': '<p>\n{% if article.source %}\n</p>\n' },
    'templates/partials/meta-line.njk:3:5: error: template error: parseIf: expected elif, else, or endif, got end of file',
  ],
  [
    'an undefined variable',
    {
      'templates/article.njk':
        '{% extends "base.njk" %}\n{% block content %}\n<h1>{{ article.title }}</h1>\n<p>{{ artcle.title }}</p>\n{% endblock %}\n',
    },
    `templates/article.njk:4:4: error: template error: attempted to output null or undefined value; ${MISSING}; ${ARTICLE}`,
  ],
  [
    'a filter that does not exist',
    { 'templates/partials/meta-line.njk': '<p>\n{{ article.date.display | nosuchfilter }}\n</p>\n' },
    `templates/partials/meta-line.njk:2:25: error: template error: filter not found: nosuchfilter; ${ARTICLE}`,
  ],
  [
    'a filter that throws, in a partial',
    { 'templates/partials/meta-line.njk': '<p>\n{{ "x" }}\n{{ "http://[" | absUrl }}\n</p>\n' },
    `templates/partials/meta-line.njk:3:15: error: template error: the filter "absUrl" failed on "http://[": Invalid URL; ${ARTICLE}`,
  ],
  [
    'a filter that throws, in a layout',
    {
      'templates/base.njk':
        '<!DOCTYPE html>\n<p>{{ "x" }}</p>\n<p>{{ "http://[" | absUrl }}</p>\n{% block content %}{% endblock %}\n',
    },
    'templates/base.njk:3:18: error: template error: the filter "absUrl" failed on "http://[": Invalid URL; while rendering /',
  ],
  [
    'a filter that throws, in a block of a child template',
    {
      'templates/article.njk':
        '{% extends "base.njk" %}\n{% block content %}\n<p>{{ "x" }}</p>\n<p>{{ "http://[" | absUrl }}</p>\n{% endblock %}\n',
    },
    `templates/article.njk:4:18: error: template error: the filter "absUrl" failed on "http://[": Invalid URL; ${ARTICLE}`,
  ],
];

describe('a broken site template stops the build at its own file and line; dist/ untouched', () => {
  it.each(cases)('%s', async (_name, files, expected) => {
    const run = await failsCleanly(sites.make(), files, [expected]);
    expect(run.stderr.split('\n')[0]).toBe(expected);
  });
});
