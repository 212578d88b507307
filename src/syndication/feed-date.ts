import { DateTime } from 'luxon';

/**
 * A Date that the `feed` package writes with the site's own offset. The package formats dates with
 * toUTCString (RSS) and toISOString (Atom), which would turn `16:59:26 +08:00` into `08:59:26 GMT`:
 * the same instant, but not the time the site shows. These two methods return the article's own
 * time instead: RFC 822 (`Tue, 01 Mar 2022 16:59:26 +0800`) and ISO 8601 (`2022-03-01T16:59:26+08:00`).
 * The tests of the feeds pin both forms, so a change in how the package formats dates shows at once.
 */
export class SiteDate extends Date {
  readonly #iso: string;
  readonly #rfc822: string;

  /** `iso`: ISO 8601 with an offset, as ArticleDate.iso. */
  constructor(iso: string) {
    const dt = DateTime.fromISO(iso, { setZone: true });
    if (!dt.isValid) throw new Error(`not an ISO 8601 date: ${iso}`);
    super(dt.toMillis());
    this.#iso = iso;
    this.#rfc822 = dt.toRFC2822() ?? '';
  }

  override toISOString(): string {
    return this.#iso;
  }

  override toUTCString(): string {
    return this.#rfc822;
  }
}
