/**
 * The number a 公安备案 is looked up with: `code` if given, else the digits in its text (most texts
 * carry their own: `浙公网安备 33070202000123号`). None if neither has one.
 */
export const policeCodeOf = (police: { readonly text: string; readonly code?: string }): string | undefined =>
  police.code ?? /\d{6,20}/.exec(police.text)?.[0];
