import { isListedView } from '../graph/listing.js';
import { OWN_PAGE_ONLY } from '../graph/site-graph.js';

const OWN = new Set<string>(OWN_PAGE_ONLY);

/**
 * A page's data as its template is given it: every entry that pages other than its own show
 * (listedView) refuses a read of what only its own page has (OWN_PAGE_ONLY), where the template
 * would otherwise get nothing, silently (a theme's list that writes `{{ e.attachments }}`). Made
 * where the page is rendered, on the main thread or a worker, because a copy sent to a worker keeps
 * plain data only. `onRead` is told the field read; the read then throws, stopping the template at
 * its line. What holds no listed entry is given as it is; the rest is copied, never changed.
 */
export function guardListed(
  data: Readonly<Record<string, unknown>>,
  onRead: (field: string) => void,
): Record<string, unknown> {
  const refuse: ProxyHandler<object> = {
    get(target, key, receiver) {
      if (typeof key === 'string' && OWN.has(key)) {
        onRead(key);
        throw new Error(`"${key}" of an article is only on its own page`);
      }
      return Reflect.get(target, key, receiver);
    },
  };
  // The same object shown twice (an entry in two lists) is guarded once; a cycle keeps its own.
  const done = new Map<object, unknown>();
  const guard = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const known = done.get(value);
    if (known !== undefined) return known;
    done.set(value, value);
    let out: unknown = value;
    if (isListedView(value)) out = new Proxy(value, refuse);
    else if (Array.isArray(value)) {
      const items = value.map(guard);
      if (items.some((item, i) => item !== value[i])) out = items;
    } else if (isPlain(value) && !('listing' in value)) {
      // An article's own entry (it has a listing, and its version) is shown whole: not looked into.
      const fields = Object.entries(value);
      const guarded = fields.map(([k, v]) => [k, guard(v)] as const);
      if (guarded.some(([, v], i) => v !== fields[i]?.[1])) out = Object.fromEntries(guarded);
    }
    done.set(value, out);
    return out;
  };
  return guard(data) as Record<string, unknown>;
}

/** A read of `field` in a template's text (`e.attachments`): where to look for the one refused. */
export const readOf = (field: string): RegExp => new RegExp(`[\\w$]+(?:\\.[\\w$]+)*?\\.${field}\\b`);

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};
