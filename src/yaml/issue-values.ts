import type { z } from 'zod';
import type { Values } from '../messages/types.js';

/**
 * What a schema's issue is made of, as the values of problem GZ0712: its kind (the issue's code,
 * with what was expected), the field, the limit, and the example the schema's words give; the
 * schema's English sentence is `detail`. src/messages/yaml.ts words the kinds it knows in Chinese
 * and quotes `detail` for the others. A refinement names its kind in `params.kind` (`slug`).
 */
export function issueValues(issue: z.core.$ZodIssue, value: unknown): Values {
  const kind =
    issue.code === 'invalid_type'
      ? `type:${issue.expected}`
      : issue.code === 'too_small' || issue.code === 'too_big'
        ? `${issue.code}:${issue.origin}`
        : issue.code === 'custom'
          ? `custom:${String((issue.params as { kind?: unknown } | undefined)?.kind ?? '')}`
          : issue.code;
  const limit = issue.code === 'too_small' ? issue.minimum : issue.code === 'too_big' ? issue.maximum : '';
  // The schema's example: `e.g. tags: [就业, 人才]`, or a mapping `like {name: 学习, slug: xuexi}`.
  const example = /(?:e\.g\.|like) (.+?)\)?(?: \(|$)/.exec(issue.message)?.[1] ?? '';
  return {
    detail: issue.message,
    kind,
    field: issue.path.map(String).join('.'),
    limit: String(limit),
    example,
    // A number where text was meant (`title: 2024`) needs quotes.
    received: typeof value,
    ...(issue.code === 'unrecognized_keys' && { keys: issue.keys.join(', ') }),
  };
}
