/** setTimeout's longest delay (about 24.8 days): a longer one fires at once. */
const LONGEST_MS = 2 ** 31 - 1;
/** Node may fire a timer a millisecond early; the rebuild must see the date as come. */
const MARGIN_MS = 20;

/**
 * Rebuilds when the next article left out for its date comes due, so that the preview shows it at
 * that time, as a build started then would, without waiting for the next save. `arm` is called
 * after every rebuild with the site's next due time (none: nothing waits for a date).
 */
export function dueTimer(rebuild: () => void) {
  let timer: NodeJS.Timeout | undefined;
  const arm = (due: number | undefined) => {
    clearTimeout(timer);
    timer = undefined;
    if (due === undefined) return;
    const wait = due - Date.now() + MARGIN_MS;
    // A date months away is waited for in steps no timer refuses.
    timer = setTimeout(
      () => (Date.now() >= due ? rebuild() : arm(due)),
      Math.min(Math.max(wait, 0), LONGEST_MS),
    );
  };
  return { arm, stop: () => clearTimeout(timer) };
}
