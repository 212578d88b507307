// Bundles the command line (lib/cli/main.js, as tsc compiled it) and the modules it loads into a few
// files, lib/gazette.js and its chunks, which bin/gazette.js runs. Node 20 loads an ES module file by
// file, each resolved, read, compiled and linked on its own: a rebuild loaded about 670 of them
// (196 of gazette's, 99 of zod's, 73 of yaml's, 55 of markdown-it's). Bundled, one new article on
// the sample site took 1.14 s instead of 1.36 s, and at 20,000 articles 5.41 s instead of 5.59 s
// (medians of 8, alternated). Worker threads and the Pagefind process still run lib/ as tsc left it
// (see stats-off-thread.ts, pool.ts, run-pagefind.ts).
//
// The chunks sit in lib/ itself, not in a folder of their own: the code of src/paths.ts finds the
// package as the folder above its own file, and so does every chunk it lands in.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('../', import.meta.url));
const lib = path.join(root, 'lib');
const PREFIX = 'gazette';

// A previous bundle's chunks have other names (their hashes): they go first.
for (const name of readdirSync(lib))
  if (name === `${PREFIX}.js` || name.startsWith(`${PREFIX}-`)) rmSync(path.join(lib, name));

const bundle = await rolldown({
  input: { [PREFIX]: path.join(lib, 'cli', 'main.js') },
  platform: 'node',
  // pinyin-pro is loaded by createRequire when first needed (src/text/slug.ts); chokidar only by the
  // dev server; Pagefind is a program of its own, run by a process of its own; piscina starts its
  // threads from a file beside its own (its worker.js), which a bundle would not have beside it.
  external: [/^node:/, 'pinyin-pro', 'chokidar', 'pagefind', 'piscina'],
  // gray-matter's engine for `---js` front matter calls eval: gazette refuses front matter in any
  // language but YAML before gray-matter sees it (src/content/front-matter.ts), and never runs content.
  onLog(level, log, report) {
    if (log.code !== 'EVAL') report(level, log);
  },
});
const { output } = await bundle.write({
  dir: lib,
  format: 'esm',
  entryFileNames: '[name].js',
  chunkFileNames: `${PREFIX}-[name]-[hash].js`,
});
await bundle.close();

// The bundled packages' licences, as their licences ask of copies: one file beside the bundle.
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
const packages = new Map();
for (const chunk of output)
  for (const id of chunk.moduleIds ?? []) {
    const at = id.lastIndexOf(NODE_MODULES);
    if (at < 0) continue;
    const rest = id.slice(at + NODE_MODULES.length).split(path.sep);
    const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    if (name) packages.set(name, path.join(id.slice(0, at), 'node_modules', name));
  }
const notices = [...packages]
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([name, dir]) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    // `licenses: [{ type, url }]` is the old form of `license` (format, one of zhlint's).
    const license = manifest.license ?? manifest.licenses?.map((l) => l.type).join(' OR ');
    return `${name} ${manifest.version} (${license})\n\n${licenceText(dir)}\n`;
  });

/** A package's licence file; without one, the licence section of its README, which has the copyright. */
function licenceText(dir) {
  const files = readdirSync(dir);
  const licence = files.find((f) => /^((un)?licen[cs]e|copying)/i.test(f));
  if (licence) return readFileSync(path.join(dir, licence), 'utf8').trim();
  const readme = files.find((f) => /^readme/i.test(f));
  const text = readme ? readFileSync(path.join(dir, readme), 'utf8') : '';
  const section = /^#*\s*Licen[cs]e\s*\n[-=]*\s*\n([\s\S]*?)(?=\n#|\n\S[^\n]*\n[-=]{3,}|(?![\s\S]))/im.exec(
    text,
  );
  if (!section?.[1]?.trim()) throw new Error(`${dir} has no licence file and no licence in its README`);
  return section[1].trim();
}

writeFileSync(
  path.join(lib, `${PREFIX}-licenses.txt`),
  `lib/${PREFIX}.js and its chunks hold these packages, bundled:\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);
