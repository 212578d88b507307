#!/usr/bin/env node
// The gazette command. The TypeScript sources are compiled into lib/ by `npm install` in the repository
// (the prepare script); the package that `npm pack` makes carries lib/ compiled.
import { existsSync } from 'node:fs';

const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('gazette: lib/ is missing; run "npm install" (or "npm run compile") first\n');
  process.exit(2);
}
// A bug that escapes every handler must still end in a plain message and a failing exit code.
process.on('uncaughtException', (error) => {
  process.stderr.write(`gazette: internal error (please report it): ${error?.stack ?? error}\n`);
  process.exit(1);
});
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
