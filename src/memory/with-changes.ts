/**
 * `record` with `changes` over it, made in the time of the changes alone: a record whose prototype
 * is the whole record the changes started from (the last whole rebuild's), and whose own keys are
 * the ones changed since. Copying 24,000 page signatures after each save of an article would take
 * longer than rendering its page. A lookup (`record[key]`, `key in record`) sees every key;
 * `Object.keys` sees only those changed: never list such a record's keys.
 */
export function withChanges<T>(
  record: Readonly<Record<string, T>>,
  changes: Readonly<Record<string, T>>,
): Readonly<Record<string, T>> {
  const whole = wholeOf(record);
  // The keys changed before, then these: the prototype chain never grows beyond one link.
  return Object.assign(Object.create(whole), whole === record ? {} : record, changes);
}

/** The record the changes of `record` were put over, or `record` if it is whole. */
function wholeOf<T>(record: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  const proto: unknown = Object.getPrototypeOf(record);
  return proto === null || proto === Object.prototype ? record : (proto as Readonly<Record<string, T>>);
}
