import http from 'node:http';

export interface SseEvent {
  event: string;
  data: unknown;
}

/** A real EventSource-like client for the dev server's live-reload stream. */
export class SseClient {
  private readonly queue: SseEvent[] = [];
  private waiters: Array<(e: SseEvent) => void> = [];
  private readonly req: http.ClientRequest;
  readonly ready: Promise<void>;

  constructor(url: string) {
    let onReady: () => void = () => {};
    this.ready = new Promise((r) => {
      onReady = r;
    });
    this.req = http.get(url, (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      onReady();
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let i = buffer.indexOf('\n\n'); i !== -1; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) this.push({ event, data: JSON.parse(data) });
        }
      });
    });
    this.req.on('error', () => {});
  }

  /** The next event (already received or still to come), or a timeout error. */
  next(timeoutMs = 10_000): Promise<SseEvent> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const waiter = (e: SseEvent) => {
        clearTimeout(timer);
        resolve(e);
      };
      // A waiter that timed out must not swallow the next event meant for the one after it.
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error('no live-reload event within the timeout'));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  close(): void {
    this.req.destroy();
  }

  private push(e: SseEvent): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(e);
    else this.queue.push(e);
  }
}
