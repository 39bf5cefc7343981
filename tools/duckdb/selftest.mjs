#!/usr/bin/env node
// Self-test of duckdb-sql.mjs against the shared Parquet corpus (read from <repo>/../shared/parquet-interop, or
// $PARQUET_INTEROP_DIR; nothing is copied into the repository).
//  1. read:  `--read-parquet X.parquet` must print exactly the bytes of X.csv for every generated/*.parquet.
//  2. write: `--csv-to-parquet X.csv` (kinds from X.json) then `--read-parquet` must give X.csv back.
//  3. info:  parquet-testing/*.parquet with a .csv: byte-identical or not (DuckDB's documented limits apply).
// Known DuckDB limit: TIMESTAMP(NANOS, isAdjustedToUTC=true) comes back in microseconds only; such a column is
// compared after truncating the expected value to microseconds and reported as "micros-only", never hidden.
// Ends with one line "N passed, N failed"; exit status 1 when anything in 1 or 2 failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, here } from './lib.mjs';

const interop = path.resolve(process.env.PARQUET_INTEROP_DIR || path.join(repoRoot, '..', 'shared', 'parquet-interop'));
const cli = path.join(here, 'duckdb-sql.mjs');
if (!fs.existsSync(path.join(interop, 'generated'))) {
  console.error(`selftest: corpus not found at ${interop}`);
  process.exit(1);
}

function run(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { maxBuffer: 1 << 30 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}

/** Splits canonical CSV into records of raw field texts (quotes kept out, embedded LF kept). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const truncMicros = (ns) => { const b = BigInt(ns); return (b >= 0n ? b / 1000n : -((-b + 999n) / 1000n)) * 1000n; };

/** Exact bytes, or equal after truncating the listed nanosecond columns to microseconds. */
function compare(expected, actual, microsCols) {
  if (expected.equals(actual)) return { ok: true, how: 'identical' };
  if (microsCols.length === 0) return { ok: false, how: firstDiff(expected, actual) };
  const e = parseCsv(expected.toString('utf8')), a = parseCsv(actual.toString('utf8'));
  if (e.length !== a.length) return { ok: false, how: `${a.length} records, expected ${e.length}` };
  const idx = microsCols.map((name) => e[0].indexOf(name));
  for (let r = 0; r < e.length; r++) {
    for (let c = 0; c < e[r].length; c++) {
      let ev = e[r][c];
      if (r > 0 && idx.includes(c) && ev !== '') ev = truncMicros(ev).toString();
      if (ev !== a[r][c]) return { ok: false, how: `record ${r} field ${c}: expected ${JSON.stringify(ev)}, got ${JSON.stringify(a[r][c])}` };
    }
  }
  return { ok: true, how: `micros-only (${microsCols.join(', ')} equal after truncation to microseconds; all else identical)` };
}

function firstDiff(e, a) {
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const ctx = (b) => JSON.stringify(b.subarray(Math.max(0, i - 30), i + 30).toString('utf8'));
  return `differs at byte ${i} (expected ${e.length} bytes, got ${a.length}): expected ${ctx(e)} got ${ctx(a)}`;
}

/** Columns whose expected text DuckDB can only give in microseconds: TIMESTAMP(NANOS, isAdjustedToUTC=true). */
function microsOnlyColumns(sidecar) {
  const schema = sidecar.parquet?.schema ?? [];
  return (sidecar.csv_columns ?? []).filter((c) => c.kind === 'timestamp_raw' && c.unit === 'NANOS'
    && /isAdjustedToUTC=1/.test(schema.find((s) => s.name === c.name)?.logical_type ?? '')).map((c) => c.name);
}

/** --column NAME:KIND for duckdb-sql's --csv-to-parquet from the sidecar's csv_columns. */
function writeKind(c) {
  switch (c.kind) {
    case 'string': return 'string';
    case 'double': return 'double';
    case 'float': return 'float';
    case 'bool': return 'bool';
    case 'hex': return 'hex';
    case 'int': return c.physical_type === 'INT32' ? 'int32' : 'int64';
    case 'timestamp_raw': return { MILLIS: 'timestamp_ms', MICROS: 'timestamp_us', NANOS: 'timestamp_ns' }[c.unit];
    default: return null;
  }
}

let passed = 0, failed = 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'duckdb-selftest-'));
const report = (ok, label, how) => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${how ? `: ${how}` : ''}`);
};

const generated = fs.readdirSync(path.join(interop, 'generated')).filter((f) => f.endsWith('.parquet')).sort();
for (const f of generated) {
  const base = path.join(interop, 'generated', f.replace(/\.parquet$/, ''));
  const sidecar = JSON.parse(fs.readFileSync(`${base}.json`, 'utf8'));
  if (!fs.existsSync(`${base}.csv`)) continue;
  const expected = fs.readFileSync(`${base}.csv`);
  const micros = microsOnlyColumns(sidecar);

  const r = run(['--read-parquet', `${base}.parquet`]);
  if (r.status !== 0) report(false, `read ${f}`, r.stderr);
  else { const c = compare(expected, r.stdout, micros); report(c.ok, `read ${f}`, c.how); }

  // write: the CSV through DuckDB's writer and back
  const kinds = sidecar.csv_columns.map((c) => [c.name, writeKind(c)]);
  if (kinds.some(([, k]) => !k)) { console.log(`skip write ${f}: kind not supported by --csv-to-parquet`); continue; }
  const out = path.join(tmp, f);
  const w = run(['--csv-to-parquet', `${base}.csv`, out, ...kinds.flatMap(([n, k]) => ['--column', `${n}:${k}`]),
    '--copy-options', 'COMPRESSION snappy']);
  if (w.status !== 0) { report(false, `write ${f}`, w.stderr); continue; }
  const back = run(['--read-parquet', out]);
  if (back.status !== 0) report(false, `write ${f}`, back.stderr);
  else { const c = compare(expected, back.stdout, []); report(c.ok, `write ${f} (csv -> DuckDB parquet -> csv)`, c.how); }
}

// Information only: the apache/parquet-testing copies (DuckDB's known limits are listed in the corpus README).
const ptDir = path.join(interop, 'parquet-testing');
if (fs.existsSync(ptDir) && !process.argv.includes('--no-info')) {
  let same = 0, total = 0;
  const differing = [];
  for (const f of fs.readdirSync(ptDir).filter((x) => x.endsWith('.parquet')).sort()) {
    const base = path.join(ptDir, f.replace(/\.parquet$/, ''));
    if (!fs.existsSync(`${base}.csv`)) continue;
    total++;
    const r = run(['--read-parquet', `${base}.parquet`]);
    if (r.status === 0 && r.stdout.equals(fs.readFileSync(`${base}.csv`))) same++;
    else differing.push(f.replace(/\.parquet$/, '') + (r.status !== 0 ? ' (error)' : ''));
  }
  console.log(`info parquet-testing: ${same}/${total} byte-identical; differing: ${differing.join(', ') || 'none'}`);
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
