#!/usr/bin/env node
// Runs a command and reports the peak RSS of every process of its tree, not only of the largest one
// waited for (what GNU time's %M gives): a build's own process, its worker threads' process, and
// the Pagefind services its children start are each held to the memory target (issue 19, target 3).
//   node bench/tree-rss.mjs CMD ARGS...   → the command's own output, then on stderr's last line:
//   tree-rss {"rss":{"node":[...KiB],"pagefind_extend":[...KiB]},"cpu":SECONDS}
// It polls /proc every 100 ms and reads each process's VmHWM (its own high-water mark), so a process
// is counted if it lived through one poll; one that lived less used less than a poll's worth of work.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const [cmd, ...args] = process.argv.slice(2);
const child = spawn(cmd, args, { stdio: 'inherit' });
const peaks = new Map(); // pid → { name, kib, ticks }
// Clock ticks per second of /proc/PID/stat's times: 100 on Linux on every architecture Node runs on.
const TICKS = 100;

const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended between the listing and the read
  }
};

function poll() {
  const parents = new Map();
  const ticks = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // Fields after the name, which is in parentheses and may hold spaces: state, ppid, … utime, stime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(entry), Number(fields[1]));
    ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
  }
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parents.get(p) ?? 0, hops++)
      if (p === child.pid) return true;
    return false;
  };
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    const status = read(`/proc/${pid}/status`);
    if (!status) continue;
    const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?';
    const kib = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
    const seen = peaks.get(pid);
    peaks.set(pid, { name, kib: Math.max(kib, seen?.kib ?? 0), ticks: ticks.get(pid) ?? seen?.ticks ?? 0 });
  }
}

const timer = setInterval(poll, 100);
poll();
child.on('exit', (code, signal) => {
  clearInterval(timer);
  const byName = {};
  for (const { name, kib } of peaks.values()) byName[name] = [...(byName[name] ?? []), kib];
  for (const list of Object.values(byName)) list.sort((a, b) => b - a);
  // CPU of every process of the tree as last seen (up to a poll short): GNU time counts only the
  // children each parent waited for, and Pagefind's service is not waited for by the build.
  let cpu = 0;
  for (const { ticks } of peaks.values()) cpu += ticks / TICKS;
  process.stderr.write(`tree-rss ${JSON.stringify({ rss: byName, cpu })}\n`);
  process.exit(signal ? 1 : (code ?? 1));
});
