// Shared bits of the DuckDB benchmark scripts: argument parsing, timing, statistics, machine line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export { openDuckDB, sqlString, oneLine, loadDuckDB } from '../../../tools/duckdb/lib.mjs';

/** --name value options with defaults; --flag without value gives true. Unknown options are an error. */
export function parseOptions(argv, defaults, usage) {
  const o = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') { console.log(usage); process.exit(0); }
    const key = a.replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!a.startsWith('--') || !(key in defaults)) throw new Error(`unknown argument ${a}; ${usage}`);
    if (typeof defaults[key] === 'boolean') o[key] = true;
    else {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value; ${usage}`);
      o[key] = typeof defaults[key] === 'number' ? Number(argv[++i]) : argv[++i];
      if (typeof defaults[key] === 'number' && !Number.isFinite(o[key])) throw new Error(`${a} wants a number`);
    }
  }
  return o;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs `fn` warmup + runs times (after `before` each time, untimed); returns seconds of the timed runs. When `cpu` is
 * an array, the process CPU seconds (user + system of every thread, DuckDB's included) of each timed run go into it.
 */
export async function timeRuns(fn, { warmup, runs, before, cpu }) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    if (before) await before();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await fn();
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    const dc = process.cpuUsage(c0);
    if (i >= warmup) {
      times.push(dt);
      cpu?.push((dc.user + dc.system) / 1e6);
    }
  }
  return times;
}

export function machineLine() {
  let cpu = 'unknown CPU';
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch { /* not Linux */ }
  return `nproc ${os.availableParallelism?.() ?? os.cpus().length}, ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, `
    + `Node ${process.version}, ${os.platform()} ${os.release()}, load average ${os.loadavg()[0].toFixed(2)} at start`;
}

export const fmt = {
  s: (x) => `${x.toFixed(3)} s`,
  rate: (x) => `${(x / 1e6).toFixed(2)} M rows/s`,
  mbps: (mbPerS) => `${mbPerS.toFixed(1)} MB/s`,
};

export function fail(prefix, e) {
  process.stderr.write(`${prefix}: ${String(e?.message ?? e).replace(/\s+/g, ' ').trim()}\n`);
  process.exitCode = 1;
}
