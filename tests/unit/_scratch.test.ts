import { it } from 'vitest';
import { parseYamlMapping } from '../../src/yaml/parse-yaml.js';

it('x', () => {
  console.log(JSON.stringify(parseYamlMapping('title: "金华\ndate: 2022-03-01\n', 'f', 'fm'), null, 1));
  console.log(JSON.stringify(parseYamlMapping('title: "金华\n', 'f', 'fm'), null, 1));
  console.log(JSON.stringify(parseYamlMapping('title: 金华: 新闻\n', 'f', 'fm'), null, 1));
});
