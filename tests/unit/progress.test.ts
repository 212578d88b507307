import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';

function sink(isTTY: boolean) {
  let text = '';
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => text };
}

const run = (report: ReturnType<typeof progressReporter>, total: number) => {
  report({ kind: 'step', name: 'load articles', ms: 120 });
  for (let done = 1; done <= total; done++) report({ kind: 'pages', done, total });
  report({ kind: 'step', name: 'render and write pages', ms: 900 });
};

describe('build progress', () => {
  it('prints plain lines, one per tenth, when not on a terminal (CI logs)', () => {
    const out = sink(false);
    run(progressReporter(out.stream, {}), 1000);
    const lines = out.text().split('\n');
    expect(lines[0]).toBe('  load articles: 120 ms');
    expect(lines.filter((l) => l.startsWith('  pages: '))).toHaveLength(11);
    expect(out.text()).not.toContain('\r');
    expect(lines.at(-2)).toBe('  render and write pages: 900 ms');
  });

  it('draws a bar on a terminal, but plain lines when CI is set', () => {
    const tty = sink(true);
    run(progressReporter(tty.stream, {}), 1000);
    expect(tty.text()).toContain('\r\x1b[K  [##############################] 1000/1000 pages');
    const ci = sink(true);
    run(progressReporter(ci.stream, { CI: 'true' }), 1000);
    expect(ci.text()).not.toContain('\r');
  });

  it('stays silent for a small site', () => {
    const out = sink(false);
    run(progressReporter(out.stream, {}), 40);
    expect(out.text()).toBe('');
  });
});
