/** Text shown as it is in Markdown, also in a table cell: `*`, `_`, `[`, `<`, `|`, … are escaped. */
export const markdownText = (text: string): string => text.replace(/[\\`*_[\]<>|#~]/g, '\\$&');
