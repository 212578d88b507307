import type { Values } from '../messages/types.js';
import { addressTooLong } from '../urls/address-length.js';
import { CONTACT_URL, categoryUrl } from '../urls/urls.js';
import type { Category } from './site-config.js';

/** URL folders the generator writes itself; a category may not take them. */
export const RESERVED_SLUGS = ['tags', 'page', 'assets', 'archive', 'search', 'feeds', 'sitemap', '404'];

/** The folder of 联系我们 (`contact`), which the generator writes when site.yaml gives gov.contact. */
export const CONTACT_SLUG = CONTACT_URL.replaceAll('/', '');

/**
 * What is wrong with a category listed after `earlier`, and what to do; none if it can be used.
 * `inSlug`: the problem is its slug's, to be shown there when the slug is written out. `reserved`:
 * the folders the generator writes besides RESERVED_SLUGS, on this site (CONTACT_SLUG).
 */
export function categoryProblem(
  category: Category,
  earlier: readonly Category[],
  reserved: readonly string[] = [],
): { code: 'GZ0303' | 'GZ0304' | 'GZ0305' | 'GZ0306'; values: Values; inSlug?: true } | undefined {
  const { name, slug } = category;
  const twin = earlier.find((o) => o.name === name || o.slug === slug);
  if (twin) return { code: 'GZ0303', values: { name, slug, twin: twin.name, twinSlug: twin.slug } };
  if (RESERVED_SLUGS.includes(slug) || reserved.includes(slug)) return { code: 'GZ0304', values: { slug } };
  const tooLong = addressTooLong(categoryUrl(slug));
  if (tooLong) return { code: 'GZ0305', values: { name, detail: tooLong }, inSlug: true };
  if (slug === '') return { code: 'GZ0306', values: { name } };
  return undefined;
}
