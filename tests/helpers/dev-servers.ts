import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';

/**
 * The dev servers a test file starts in this process (on a free port, messages in English, each
 * line into `log`), closed together by `closeAll` (in afterEach).
 */
export function devServers() {
  const servers: RunningDevServer[] = [];
  return {
    async serve(root: string, log: string[] = []): Promise<RunningDevServer> {
      const server = await startDevServer({
        root,
        host: '127.0.0.1',
        port: 0,
        lang: 'en',
        log: (l) => log.push(l),
      });
      servers.push(server);
      return server;
    },
    async closeAll(): Promise<void> {
      for (const s of servers.splice(0)) await s.close();
    },
  };
}
