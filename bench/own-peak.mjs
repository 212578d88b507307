// Preloaded into gazette by bench/run.mjs (`node --import`): writes the process's own peak resident
// memory (KiB, getrusage's RUSAGE_SELF) into the file BENCH_OWN_PEAK names, as it exits. GNU time's
// %M is another figure: the largest of the process and of every child it waited for, Pagefind's
// service among them. Pagefind's processes are forked with this option too: they have an IPC channel
// and leave the file alone.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_OWN_PEAK;
if (file && isMainThread && !process.send)
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
