import { type Diagnostic, error, warning } from '../errors/diagnostic.js';
import type { Article } from './article.js';
import { positionOf } from './decode.js';

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
  const report = article.draft ? warning : error;
  return report(
    article.file,
    `the text still holds the placeholder "${PLACEHOLDER_BODY}" that gazette new wrote`,
    { line: line + article.bodyLine - 1, column },
    "write the article's text in its place",
  );
}
