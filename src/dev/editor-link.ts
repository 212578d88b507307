import path from 'node:path';
import type { Position } from '../errors/diagnostic.js';

/**
 * A link that opens `absolutePath` at `position` in VS Code: `vscode://file/<absolute path>:line:col`,
 * the form VS Code registers with the system (and React's and Vite's error overlays link to).
 * Each segment is percent-encoded (VS Code decodes them), so a space, `#` or `?` in a folder's name
 * cannot cut the link short; a Windows drive keeps its colon (`vscode://file/C:/site/…`).
 */
export function editorUrl(absolutePath: string, position?: Position, sep: string = path.sep): string {
  const slashed = sep === '\\' ? absolutePath.replaceAll('\\', '/') : absolutePath;
  const encoded = slashed
    .split('/')
    .map((segment) => encodeURIComponent(segment).replaceAll('%3A', ':'))
    .join('/');
  const where = position ? `:${position.line}:${position.column}` : '';
  return `vscode://file${encoded.startsWith('/') ? '' : '/'}${encoded}${where}`;
}
