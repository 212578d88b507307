import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, runCli } from './site.js';
import { serveStatic } from './static-server.js';

export interface ServedSite {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  /** The built site. */
  readonly out: string;
  close(): Promise<void>;
}

/** Builds the repository's sample site (with its search index, unless told otherwise) and serves it. */
export async function serveSampleSite(extraArgs: readonly string[] = []): Promise<ServedSite> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'gazette-served-'));
  const run = await runCli(['build', '--root', REPO, '--out', out, '--quiet', ...extraArgs]);
  if (run.code !== 0) throw new Error(`the sample site did not build:\n${run.stderr}`);
  const server = await serveStatic(out);
  return {
    url: server.url,
    out,
    async close() {
      await server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
