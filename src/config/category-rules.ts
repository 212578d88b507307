import { addressTooLong } from '../graph/address-length.js';
import { categoryUrl } from '../graph/urls.js';
import type { Category } from './site-config.js';

/** URL folders the generator writes itself; a category may not take them. */
export const RESERVED_SLUGS = ['tags', 'page', 'assets', 'archive', 'search', 'feeds', 'sitemap', '404'];

/**
 * What is wrong with a category listed after `earlier`, and what to do; none if it can be used.
 * `inSlug`: the problem is its slug's, to be shown there when the slug is written out.
 */
export function categoryProblem(
  category: Category,
  earlier: readonly Category[],
): { message: string; hint: string; inSlug?: true } | undefined {
  const { name, slug } = category;
  const twin = earlier.find((o) => o.name === name || o.slug === slug);
  if (twin)
    return {
      message: `category "${name}" (${slug}) is listed twice`,
      hint: `it repeats "${twin.name}" (${twin.slug}); delete one`,
    };
  if (RESERVED_SLUGS.includes(slug))
    return {
      message: `category slug "${slug}" is reserved for generated pages`,
      hint: 'choose another slug',
    };
  const tooLong = addressTooLong(categoryUrl(slug));
  if (tooLong)
    return { message: `category "${name}": ${tooLong}`, hint: 'give it a shorter slug', inSlug: true };
  if (slug === '')
    return {
      message: `category "${name}" needs a slug`,
      hint: 'add slug: with letters a-z, e.g. slug: xuexi',
    };
  return undefined;
}
