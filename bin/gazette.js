#!/usr/bin/env node
// The gazette command. The TypeScript sources are compiled into lib/ by `npm install` in the repository
// (the prepare script), and the command line bundled into lib/gazette.js (scripts/bundle-cli.mjs);
// the package that `npm pack` makes carries lib/ compiled and bundled.
import { existsSync } from 'node:fs';

const entry = new URL('../lib/gazette.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('gazette: lib/ is missing; run "npm install" (or "npm run compile") first\n');
  process.exit(2);
}
const args = process.argv.slice(2);
// Set once lib/ is loaded: the line in the language the command speaks (main.ts's rule).
let lastWords;
// Without lib/ (a bug while loading it) the language cannot be chosen: the line goes in both.
const inBoth = (detail) =>
  `gazette: internal error (please report it): ${detail}\n` +
  'gazette：内部出错（这是 gazette 的问题，不是网站的问题，请把上面的内容报告给维护者）';
// A bug that escapes every handler must still end in a plain message and a failing exit code.
process.on('uncaughtException', (error) => {
  const detail = error?.stack ?? error;
  let line;
  try {
    line = lastWords ? lastWords(args, detail) : inBoth(detail);
  } catch {
    line = inBoth(detail);
  }
  process.stderr.write(`${line}\n`);
  process.exit(1);
});
const { main, internalErrorLine } = await import(entry.href);
lastWords = internalErrorLine;
const code = await main(args);
// A command is done when main returns: the process ends here, once what it wrote has been flushed,
// rather than after Node has torn down its heap (a rebuild of 20,000 articles ended 50–80 ms sooner).
await Promise.all([process.stdout, process.stderr].map((s) => new Promise((done) => s.write('', done))));
process.exit(code);
