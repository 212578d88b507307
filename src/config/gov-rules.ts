import type { Values } from '../messages/types.js';

// What the values of gov: must look like, as plain rules: gov-config.ts applies them, each at the
// position of its value.

/** 网站标识码: 10 digits for a local government's site, `bm` and 8 digits for a department's. */
export const isSiteCode = (code: string): boolean => /^(?:\d{10}|bm\d{8})$/.test(code);

/** An absolute http(s) address, as a link or a picture of another site. */
export const isWebAddress = (url: string): boolean =>
  /^https?:\/\/[^/\s?#]+/i.test(url) && URL.canParse(url) && !/\s/.test(url);

/** An e-mail address as readers type it: one `@`, a dot in the domain, no spaces. */
export const isEmail = (email: string): boolean => /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(email);

/** Whether a value starts with a scheme (`https:`, `ftp:`, `javascript:`): an address, not a file. */
export const hasScheme = (value: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(value);

/** A site.yaml value that breaks one of the rules above: its code and values for the message. */
export interface ValueProblem {
  readonly code: 'GZ0308' | 'GZ0309' | 'GZ0310';
  readonly values: Values;
}

export const siteCodeProblem = (code: string): ValueProblem | undefined =>
  isSiteCode(code) ? undefined : { code: 'GZ0308', values: { value: code } };

export const addressProblem = (key: string, url: string): ValueProblem | undefined =>
  isWebAddress(url) ? undefined : { code: 'GZ0309', values: { key, value: url } };

export const emailProblem = (email: string): ValueProblem | undefined =>
  isEmail(email) ? undefined : { code: 'GZ0310', values: { value: email } };
