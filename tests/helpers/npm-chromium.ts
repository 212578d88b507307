import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { REPO } from './site.js';

/** A Chromium unpacked from the npm registry's package, and what its process needs. */
export interface NpmChromium {
  readonly executablePath: string;
  /** Its libraries and its fonts. */
  readonly env: Readonly<Record<string, string>>;
}

const require = createRequire(import.meta.url);
/** A package's folder, found from its main module (neither package exports its package.json). */
function packageDir(name: string): string {
  let dir = require.resolve(name);
  while (!dir.endsWith(path.join('node_modules', name))) dir = path.dirname(dir);
  return dir;
}
const PACKAGE = packageDir('@sparticuz/chromium');
const FONTS = path.join(packageDir('@embedpdf/fonts-sc'), 'fonts');

/**
 * The Chromium that comes from the npm registry, for machines without Debian's: `@sparticuz/chromium`
 * ships a headless Chromium for Linux x64 inside its package, compressed with Brotli, with the NSS
 * libraries it links to (in `al2023.tar.br`). It has no CJK font, so fontconfig is pointed at the Noto
 * Sans SC of `@embedpdf/fonts-sc` and at nothing else: pages look the same on every machine, whatever
 * fonts it has installed.
 *
 * Unpacked once per version into `node_modules/.cache/` (about 190 MB, 8 s), not into the package's
 * default `/tmp/chromium`, which every user of the package on the machine shares whatever its
 * version, and which a second test process would run while the first is still writing it: here a
 * process unpacks into a folder of its own and renames it into place, so a folder that exists is
 * complete.
 */
export async function npmChromium(): Promise<NpmChromium> {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      'no Chromium: @sparticuz/chromium runs on Linux x64 only; install Chromium and set CHROMIUM_PATH',
    );
  const { version } = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = path.join(REPO, 'node_modules', '.cache', 'gazette-chromium', version);
  if (!existsSync(dir)) await unpack(dir);
  return {
    executablePath: path.join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [path.join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
    },
  };
}

async function unpack(dir: string): Promise<void> {
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const bin = path.join(PACKAGE, 'bin');
    await pipeline(
      createReadStream(path.join(bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(path.join(partial, 'chromium'), { mode: 0o755 }),
    );
    untar(path.join(bin, 'al2023.tar.br'), partial);
    writeFileSync(path.join(partial, 'fonts.conf'), fontsConf(path.join(dir, 'fontconfig-cache')));
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    // Another test process unpacked the same version first: its folder is as good as ours.
    if (existsSync(dir)) return;
    throw error;
  }
}

/** Unpacks a Brotli-compressed tar file (the NSS libraries, into `lib/`) with the system's tar. */
function untar(file: string, into: string): void {
  const tar = spawnSync('tar', ['-x', '-C', into], { input: brotliDecompressSync(readFileSync(file)) });
  if (tar.status !== 0) throw new Error(`tar could not unpack ${file}: ${tar.stderr}`);
}

const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const fontsConf = (cache: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${xmlText(FONTS)}</dir>
  <cachedir>${xmlText(cache)}</cachedir>
  <alias><family>sans-serif</family><prefer><family>Noto Sans S Chinese</family></prefer></alias>
</fontconfig>
`;
