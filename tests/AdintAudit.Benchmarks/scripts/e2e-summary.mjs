#!/usr/bin/env node
// Summarises what scripts/e2e-audit.sh left in its work folder, per size N:
//   audit-N-R.log   `bench: load ...` + the audit's stderr (stage lines `audit: [i/n] ...`, `audit: mode ...`) + /usr/bin/time -v
//   report-N/report.json  (devices)
//   duckdb-N.jsonl  scripts/duckdb-floor-bench.mjs output (group_by_device and read_columns, per thread count)
//   read-N-T.txt    our `read-columns` stopwatch entry with T threads (its last line is JSON)
// Prints per size the runs and a stage table, then one Markdown table over the sizes and the linearity lines, and
// writes the same text to WORK/e2e-summary.md. Missing pieces show as "–".
//
//   node tests/AdintAudit.Benchmarks/scripts/e2e-summary.mjs --work artifacts/e2e --pings 10000000,100000000 [--runs 3] [--threads 1,2]
import fs from 'node:fs';
import path from 'node:path';
import { parseOptions, median, machineLine, fail } from './bench-common.mjs';

const USAGE = 'usage: e2e-summary.mjs --work DIR --pings N[,N...] [--runs R] [--threads 1,2]';
const STAGE = /^audit: \[(\d+)\/(\d+)\] (.+?): ([\d,]+) (\S+) in ([\d.]+) s/;

const readText = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
const jsonLines = (text) => (text ?? '').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const num = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
// A rate as text: '2.60 M', '904 k', '1.5'; the caller appends the unit ('pings/s').
const rate = (n) => (n >= 1e6 ? `${num(n / 1e6, 2)} M` : n >= 1e4 ? `${num(n / 1e3, 0)} k` : num(n, n >= 100 ? 0 : 1));
const seconds = (s, digits = s < 10 ? 3 : 1) => (s === undefined ? '–' : `${num(s, digits)} s`);
const sizeLabel = (n) => (n % 1e6 === 0 ? `${n / 1e6} M` : num(n));

/** One audit run from its log: wall, peak RSS, exit status, load before, mode line, stages. */
function parseAuditLog(text) {
  const grab = (re) => re.exec(text)?.[1];
  const wallText = grab(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/);
  const rssKiB = grab(/Maximum resident set size \(kbytes\): (\d+)/);
  const exit = grab(/Exit status: (\d+)/);
  const cpu = Number(grab(/User time \(seconds\): ([\d.]+)/)) + Number(grab(/System time \(seconds\): ([\d.]+)/));
  const run = {
    wall: wallText ? wallText.split(':').reduce((acc, part) => acc * 60 + Number(part), 0) : undefined,
    cpu: Number.isNaN(cpu) ? undefined : cpu,
    rssGiB: rssKiB ? Number(rssKiB) / 1048576 : undefined,
    exit: exit === undefined ? undefined : Number(exit),
    load: /^bench: load (\S+)/m.exec(text)?.[1],
    mode: /^audit: mode\s*(.*)$/m.exec(text)?.[1]?.trim(),
    stages: [],
    error: text.split('\n').filter((l) => l.startsWith('adint: ')).at(-1),
  };
  for (const line of text.split('\n')) {
    const m = STAGE.exec(line);
    if (m) run.stages.push({ name: m[3], done: Number(m[4].replace(/,/g, '')), unit: m[5], seconds: Number(m[6]) });
  }
  return run;
}

function loadSize(work, pings, runs, threads) {
  const size = { requested: pings, runs: [], duck: jsonLines(readText(path.join(work, `duckdb-${pings}.jsonl`))), ours: {} };
  for (let r = 1; r <= runs; r++) {
    const text = readText(path.join(work, `audit-${pings}-${r}.log`));
    if (text) size.runs.push(parseAuditLog(text));
  }
  for (const t of threads) size.ours[t] = jsonLines(readText(path.join(work, `read-${pings}-${t}.txt`))).at(-1);
  const report = readText(path.join(work, `report-${pings}`, 'report.json'));
  const ok = size.runs.filter((r) => r.exit === 0);
  size.ok = ok;
  const loadStage = ok[0]?.stages.find((s) => s.name === 'load');
  const duckRows = size.duck.find((d) => d.rows)?.rows;
  size.pings = loadStage?.done ?? duckRows ?? size.ours[threads[0]]?.rows;
  size.devices = (report && ok.length ? JSON.parse(report).profile?.devices : undefined) ?? size.duck.find((d) => d.groups)?.groups;
  size.wall = ok.length ? median(ok.map((r) => r.wall)) : undefined;
  size.cpu = ok.length ? median(ok.map((r) => r.cpu)) : undefined;
  size.rss = ok.length ? Math.max(...ok.map((r) => r.rssGiB)) : undefined;
  size.mode = size.runs.find((r) => r.mode)?.mode;
  size.stageNames = [...new Set(ok.flatMap((r) => r.stages.map((s) => s.name)))];
  size.stage = Object.fromEntries(size.stageNames.map((name) => {
    const found = ok.map((r) => r.stages.find((s) => s.name === name)).filter(Boolean);
    return [name, { seconds: median(found.map((s) => s.seconds)), runs: found.map((s) => s.seconds), done: found[0].done, unit: found[0].unit }];
  }));
  size.duckMedian = (query, t, key = 'median_s') => size.duck.find((d) => d.query === query && d.threads === t)?.[key];
  return size;
}

/** Rows, device-id bytes and timestamps equal; the floating-point sums equal to 1e-9 (summation order differs). */
function checksumsAgree(a, b) {
  const close = (x, y) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return a.rows === b.rows && a.device_id_bytes === b.device_id_bytes && a.timestamp_sum === b.timestamp_sum
    && a.accuracy_values === b.accuracy_values && close(a.lat_sum, b.lat_sum) && close(a.lon_sum, b.lon_sum) && close(a.accuracy_sum, b.accuracy_sum);
}

function sizeDetails(size, threads, out) {
  out.push(`## ${sizeLabel(size.requested)} pings requested: ${size.pings === undefined ? '?' : num(size.pings)} pings, ${size.devices === undefined ? '?' : num(size.devices)} devices`, '');
  if (size.runs.length === 0) out.push('audit: not run');
  size.runs.forEach((r, i) => out.push(`audit run ${i + 1}: ${r.exit === 0 ? `wall ${seconds(r.wall)} (${seconds(r.cpu)} CPU), peak RSS ${num(r.rssGiB, 2)} GiB` : `FAILED (exit ${r.exit}${r.error ? `: ${r.error}` : ''})`}, load ${r.load ?? '?'}${r.mode ? `, mode ${r.mode}` : ''}`));
  if (size.wall !== undefined) {
    out.push(`median wall ${seconds(size.wall)} = ${rate(size.pings / size.wall)} pings/s; median CPU ${seconds(size.cpu)}; peak RSS (max of runs) ${num(size.rss, 2)} GiB`, '');
    out.push('| stage | units | median (s) | runs (s) | stage rate | pings/s (all pings / stage time) |', '|---|---|---|---|---|---|');
    for (const name of size.stageNames) {
      const s = size.stage[name];
      const ok = s.seconds > 0;
      out.push(`| ${name} | ${num(s.done)} ${s.unit} | ${s.seconds.toFixed(1)} | ${s.runs.map((x) => x.toFixed(1)).join(', ')} | `
        + `${ok ? `${rate(s.done / s.seconds)} ${s.unit}/s` : '–'} | ${ok ? rate(size.pings / s.seconds) : '–'} |`);
    }
  }
  out.push('');
  for (const d of size.duck) {
    out.push(`DuckDB ${d.query}, ${d.threads} thread(s): median ${seconds(d.median_s)} (runs ${d.runs_s.join(', ')}), CPU ${seconds(d.cpu_median_s)}`);
  }
  for (const t of threads) {
    const ours = size.ours[t];
    if (!ours) continue;
    const duck = size.duck.find((d) => d.query === 'read_columns' && d.threads === t);
    out.push(`our read-columns, ${t} thread(s): median ${seconds(ours.median_s)} (runs ${ours.runs_s.join(', ')}), CPU ${seconds(ours.cpu_median_s)}`
      + (duck ? `; ${(ours.median_s / duck.median_s).toFixed(2)}× DuckDB's wall time, ${(ours.cpu_median_s / duck.cpu_median_s).toFixed(2)}× its CPU time; sums ${checksumsAgree(ours, duck) ? 'agree' : 'DIFFER'} with DuckDB's` : ''));
  }
  out.push('');
}

function summaryTable(sizes, threads, out) {
  const stageNames = [...new Set(sizes.flatMap((s) => s.stageNames))];
  const pair = (f) => threads.map(f).join(' / ');
  const tl = threads.join('/');
  out.push(`| size | pings | devices | mode | wall median | CPU | peak RSS | pings/s | load avg | ${stageNames.map((n) => `${n}: s, pings/s`).join(' | ')} | `
    + `DuckDB group-by ${tl}t | DuckDB read ${tl}t | our read ${tl}t | ratio ${tl}t | ratio of CPU ${tl}t |`);
  out.push(`|${' --- |'.repeat(14 + stageNames.length)}`);
  for (const s of sizes) {
    const loads = s.ok.map((r) => r.load).filter(Boolean);
    const cells = [sizeLabel(s.requested), s.pings === undefined ? '–' : num(s.pings), s.devices === undefined ? '–' : num(s.devices), s.mode ?? '–',
      seconds(s.wall), seconds(s.cpu), s.rss === undefined ? '–' : `${num(s.rss, 2)} GiB`, s.wall ? rate(s.pings / s.wall) : '–', loads.length ? loads.join(', ') : '–',
      ...stageNames.map((n) => (s.stage[n] ? `${seconds(s.stage[n].seconds, 1)}${s.stage[n].seconds > 0 ? `, ${rate(s.pings / s.stage[n].seconds)}` : ''}` : '–')),
      pair((t) => seconds(s.duckMedian('group_by_device', t))), pair((t) => seconds(s.duckMedian('read_columns', t))),
      pair((t) => seconds(s.ours[t]?.median_s)),
      pair((t) => (s.ours[t] && s.duckMedian('read_columns', t) ? `${(s.ours[t].median_s / s.duckMedian('read_columns', t)).toFixed(2)}×` : '–')),
      pair((t) => (s.ours[t]?.cpu_median_s && s.duckMedian('read_columns', t, 'cpu_median_s')
        ? `${(s.ours[t].cpu_median_s / s.duckMedian('read_columns', t, 'cpu_median_s')).toFixed(2)}×` : '–'))];
    if (s.runs.length > 0 && s.ok.length === 0) cells[4] = `failed (exit ${s.runs[0].exit})`;
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
}

/** Wall and CPU time per ping of each measure at the smallest and the largest size, and their ratios (1.00 = linear). */
function linearity(sizes, threads, out) {
  if (sizes.length < 2) { out.push('linearity: needs two sizes'); return; }
  const [small, large] = [sizes[0], sizes.at(-1)];
  const measures = [['audit', (s) => s.wall, (s) => s.cpu],
    ...threads.map((t) => [`our read ${t}t`, (s) => s.ours[t]?.median_s, (s) => s.ours[t]?.cpu_median_s]),
    ...threads.map((t) => [`DuckDB read ${t}t`, (s) => s.duckMedian('read_columns', t), (s) => s.duckMedian('read_columns', t, 'cpu_median_s')])];
  const perPing = (get) => {
    const [a, b] = [get(small), get(large)];
    if (a === undefined || b === undefined || !small.pings || !large.pings) return 'not measured at both sizes';
    const [na, nb] = [(a / small.pings) * 1e9, (b / large.pings) * 1e9];
    return `${num(na, 1)} → ${num(nb, 1)} ns per ping, ratio ${(nb / na).toFixed(2)}`;
  };
  for (const [name, wall, cpu] of measures) {
    out.push(`linearity (${name}, ${sizeLabel(small.requested)} → ${sizeLabel(large.requested)}, 1.00 = linear): wall ${perPing(wall)}; CPU ${perPing(cpu)}`);
  }
}

function main() {
  const o = parseOptions(process.argv.slice(2), { work: '', pings: '', runs: 3, threads: '1,2' }, USAGE);
  if (!o.work || !o.pings) throw new Error(USAGE);
  const threads = String(o.threads).split(',').map(Number);
  const sizes = String(o.pings).split(',').map((n) => loadSize(o.work, Number(n), o.runs, threads));
  const out = ['# End-to-end audit benchmark', '', `machine: ${machineLine()}; written ${new Date().toISOString()}`, ''];
  for (const s of sizes) sizeDetails(s, threads, out);
  out.push('## Summary', '', 'Times are medians of the runs (CPU = user + system seconds of the process, less disturbed by other load than wall time); peak RSS is the largest of the runs; load is the 1-minute load average before each audit run; '
    + 'stage cells give the median stage time (0.1 s resolution: the stage lines round) and all pings divided by it; a mode of – means the audit printed no `audit: mode` line; ratio = our read / DuckDB read at the same thread count.', '');
  summaryTable(sizes, threads, out);
  linearity(sizes, threads, out);
  const text = out.join('\n') + '\n';
  process.stdout.write(text);
  fs.writeFileSync(path.join(o.work, 'e2e-summary.md'), text);
}

try { main(); } catch (e) { fail('e2e-summary', e); }
