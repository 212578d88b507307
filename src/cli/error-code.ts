/** What a failed file operation says, for a message: its code (`ENOSPC`), else its text. */
export const errorCode = (cause: unknown): string =>
  (cause as NodeJS.ErrnoException).code ?? (cause instanceof Error ? cause.message : String(cause));
