#!/usr/bin/env node
// DuckDB reference for the Parquet writer benchmark: 10,000,000 synthetic pings generated inside DuckDB with
// range()/hash() (so generation is not timed), then COPY ... TO (FORMAT parquet, COMPRESSION snappy) timed.
// See ../README.md for the data definition. Needs: bash tools/duckdb/install.sh.
//
//   node tests/AdintAudit.Benchmarks/scripts/duckdb-write-bench.mjs [--rows 10000000] [--devices 100000]
//        [--runs 5] [--warmup 1] [--threads 1] [--out DIR] [--keep] [--json OUT.json]
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, openDuckDB, sqlString, parseOptions, median, timeRuns, machineLine, fmt, fail } from './bench-common.mjs';

const USAGE = 'usage: duckdb-write-bench.mjs [--rows N] [--devices N] [--runs N] [--warmup N] [--threads N|default] [--out DIR] [--keep] [--json OUT]';

/**
 * The pings, row i = 0..rows-1 in time order (deterministic: DuckDB's hash() of integers):
 *   device_id           VARCHAR  UUID-shaped lower-case text = md5 of 'dev<d>', d = hash(i) % devices
 *   timestamp           BIGINT   epoch ms: 1717200000000 + i * 25 + hash(i + 1) % 25   (2024-06-01 on, increasing)
 *   lat, lon            DOUBLE   per-device home point + jitter of up to ±0.01 degrees
 *   horizontal_accuracy FLOAT    1.0 .. 200.9 in 0.1 steps, NULL for ~8 % of rows (hash(i + 2) % 100 < 8)
 */
export function pingsSql(rows, devices) {
  return `CREATE OR REPLACE TEMP TABLE pings AS
WITH r AS (SELECT i, hash(i) % ${devices} AS d FROM range(${rows}) t(i)),
m AS (SELECT i, d, md5('dev' || d::VARCHAR) AS h FROM r)
SELECT
  substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12) AS device_id,
  (1717200000000 + i * 25 + hash(i + 1) % 25)::BIGINT AS "timestamp",
  (-60.0 + (hash(d * 2 + 1) % 120000000) / 1e6 + ((hash(i + 3) % 20001)::DOUBLE - 10000) / 1e6)::DOUBLE AS lat,
  (-180.0 + (hash(d * 2 + 2) % 360000000) / 1e6 + ((hash(i + 4) % 20001)::DOUBLE - 10000) / 1e6)::DOUBLE AS lon,
  CASE WHEN hash(i + 2) % 100 < 8 THEN NULL ELSE (1.0 + (hash(i + 5) % 2000) / 10.0)::FLOAT END AS horizontal_accuracy
FROM m ORDER BY i`;
}

async function main() {
  const o = parseOptions(process.argv.slice(2), {
    rows: 10000000, devices: 100000, runs: 5, warmup: 1, threads: '1',
    out: path.join(repoRoot, 'artifacts', 'bench'), keep: false, json: '',
  }, USAGE);
  if (o.runs < 1) throw new Error('--runs must be at least 1');
  fs.mkdirSync(o.out, { recursive: true });
  const file = path.join(path.resolve(o.out), 'duckdb_write_pings.parquet');
  const threads = o.threads === 'default' ? 'default' : Number(o.threads);
  const { con } = await openDuckDB({ threads });
  const actualThreads = (await (await con.runAndReadAll("SELECT current_setting('threads')")).getRows())[0][0];

  const machine = machineLine();
  console.log(`DuckDB write benchmark: ${o.rows} pings from ${o.devices} devices, threads=${o.threads} (${actualThreads})`);
  console.log(`  machine: ${machine}`);
  const g0 = process.hrtime.bigint();
  await con.run(pingsSql(o.rows, o.devices));
  console.log(`  generated in memory in ${(Number(process.hrtime.bigint() - g0) / 1e9).toFixed(1)} s (not timed)`);
  const facts = (await (await con.runAndReadAll(`SELECT count(*), count(DISTINCT device_id), count(horizontal_accuracy),
      min("timestamp"), max("timestamp") FROM pings`)).getRows())[0].map(String);
  console.log(`  rows ${facts[0]}, distinct devices ${facts[1]}, non-null accuracy ${facts[2]}, timestamps ${facts[3]}..${facts[4]}`);
  // Raw value bytes as a writer receives them: 36-byte strings + 8 + 8 + 8 + 4 per row.
  const rawBytes = o.rows * (36 + 8 + 8 + 8 + 4);

  const copy = `COPY pings TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy)`;
  const times = await timeRuns(() => con.run(copy), { warmup: o.warmup, runs: o.runs, before: () => fs.rmSync(file, { force: true }) });
  const med = median(times);
  const outBytes = fs.statSync(file).size;
  const meta = (await (await con.runAndReadAll(`SELECT num_rows, num_row_groups FROM parquet_file_metadata(${sqlString(file)})`)).getRows())[0].map(Number);
  if (meta[0] !== o.rows) throw new Error(`written file has ${meta[0]} rows, expected ${o.rows}`);
  const r = { median_s: med, min_s: Math.min(...times), max_s: Math.max(...times), rows_per_s: o.rows / med,
    out_mb_per_s: outBytes / med / 1e6, raw_mb_per_s: rawBytes / med / 1e6, times_s: times };
  console.log(`  ${o.warmup} warm-up + ${o.runs} timed runs of: COPY pings TO '...' (FORMAT parquet, COMPRESSION snappy)`);
  console.log(`  output ${outBytes} bytes, ${meta[1]} row groups`);
  console.log(`  median ${fmt.s(med)} (min ${fmt.s(r.min_s)}, max ${fmt.s(r.max_s)})  ${fmt.rate(r.rows_per_s)}  `
    + `${fmt.mbps(r.out_mb_per_s)} of output file, ${fmt.mbps(r.raw_mb_per_s)} of raw values (${rawBytes} bytes)`);
  if (!o.keep) fs.rmSync(file, { force: true });
  else console.log(`  kept ${file}`);
  if (o.json) {
    fs.mkdirSync(path.dirname(path.resolve(o.json)), { recursive: true });
    fs.writeFileSync(o.json, JSON.stringify({ benchmark: 'duckdb-write', rows: o.rows, devices: o.devices,
      threads: `${o.threads} (${actualThreads})`, output_bytes: outBytes, row_groups: meta[1], raw_value_bytes: rawBytes, machine,
      duckdb: '1.5.6 (@duckdb/node-api 1.5.6-r.1)', generation_sql: pingsSql(o.rows, o.devices), result: r }, null, 2) + '\n');
  }
  con.closeSync();
}

main().catch((e) => fail('duckdb-write-bench', e));
