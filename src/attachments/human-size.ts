const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/**
 * A file's length as readers of Chinese sites are used to it: `356 KB`, `1.2 MB`. Kilobytes are
 * whole, megabytes and gigabytes have one decimal; a length that would round up to the next unit
 * (1,023.7 KB) is written in it (`1.0 MB`).
 */
export function humanSize(bytes: number): string {
  if (bytes < KB) return `${bytes} B`;
  if (Math.round(bytes / KB) < 1024) return `${Math.round(bytes / KB)} KB`;
  if (Math.round((bytes / MB) * 10) < 10240) return `${(bytes / MB).toFixed(1)} MB`;
  return `${(bytes / GB).toFixed(1)} GB`;
}
