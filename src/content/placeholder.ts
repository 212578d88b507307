import { type Diagnostic, problem } from '../errors/diagnostic.js';
import { positionOf } from '../text/decode.js';
import type { Article } from './article.js';

/**
 * The body `gazette new` writes, so that editors see where the text goes. An article that still
 * holds it was never written: the scaffold writes it and the build looks for it, by this one constant.
 */
export const PLACEHOLDER_BODY = '在这里写正文。';

/**
 * What to say of an article whose body still holds the placeholder: an error in an article (it is to
 * be published, now or when its date comes), a warning in a draft (shown only by a build with
 * drafts, where its page is what an editor previews).
 */
export function placeholderProblem(
  article: Pick<Article, 'file' | 'draft' | 'body' | 'bodyLine'>,
): Diagnostic | undefined {
  const at = article.body.indexOf(PLACEHOLDER_BODY);
  if (at < 0) return undefined;
  const { line, column } = positionOf(article.body, at);
  const at2 = { line: line + article.bodyLine - 1, column };
  return problem(
    'GZ0112',
    article.file,
    at2,
    { placeholder: PLACEHOLDER_BODY },
    article.draft ? 'warning' : 'error',
  );
}
