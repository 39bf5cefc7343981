#!/usr/bin/env node
// DuckDB reference for the Parquet reader benchmark: how fast real DuckDB reads the ping columns
// device_id, timestamp, lat, lon, horizontal_accuracy of the 2M-row speed-test file.
// See ../README.md. Needs: bash tools/duckdb/install.sh, and the file from make-large.sh.
//
//   node tests/AdintAudit.Benchmarks/scripts/duckdb-read-bench.mjs [--file F] [--runs 7] [--warmup 1]
//        [--threads 1,default] [--json OUT.json]
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, openDuckDB, sqlString, parseOptions, median, timeRuns, machineLine, fmt, fail } from './bench-common.mjs';

const USAGE = 'usage: duckdb-read-bench.mjs [--file F.parquet] [--runs N] [--warmup N] [--threads 1,default] [--json OUT]';
const COLUMNS = ['device_id', 'timestamp', 'lat', 'lon', 'horizontal_accuracy'];

async function main() {
  const o = parseOptions(process.argv.slice(2), {
    file: path.join(repoRoot, 'artifacts', 'interop-large', 'large_duckdb_snappy_2m.parquet'),
    runs: 7, warmup: 1, threads: '1,default', json: '',
  }, USAGE);
  if (o.runs < 5) throw new Error('--runs must be at least 5');
  if (!fs.existsSync(o.file)) throw new Error(`no such file: ${o.file} (run tests/AdintAudit.Benchmarks/scripts/make-large.sh)`);
  const f = sqlString(path.resolve(o.file));
  const cols = COLUMNS.map((c) => `"${c}"`).join(', ');

  // Footer facts: rows and the bytes of the five column chunks (compressed, as stored in the file).
  const meta = await openDuckDB({ threads: 1 });
  const rows = Number((await (await meta.con.runAndReadAll(`SELECT num_rows FROM parquet_file_metadata(${f})`)).getRows())[0][0]);
  const sizes = (await meta.con.runAndReadAll(`SELECT sum(total_compressed_size), sum(total_uncompressed_size)
      FROM parquet_metadata(${f}) WHERE path_in_schema IN (${COLUMNS.map(sqlString).join(', ')})`)).getRows()[0].map(Number);
  const [colBytes, colBytesUncompressed] = sizes;
  const fileBytes = fs.statSync(o.file).size;
  meta.con.closeSync();

  const queries = [
    { name: 'materialise', what: `CREATE TEMP TABLE t AS SELECT ${COLUMNS.join(', ')} FROM read_parquet(...)`,
      sql: `CREATE TEMP TABLE t AS SELECT ${cols} FROM read_parquet(${f})`, before: (con) => con.run('DROP TABLE IF EXISTS t') },
    { name: 'aggregate', what: 'SELECT count(DISTINCT device_id), sum(epoch_us(timestamp)), sum(lat), sum(lon), sum(horizontal_accuracy) FROM read_parquet(...)',
      sql: `SELECT count(DISTINCT device_id), sum(epoch_us("timestamp")), sum(lat), sum(lon), sum(horizontal_accuracy) FROM read_parquet(${f})` },
    { name: 'scan', what: 'SELECT min(device_id), max(device_id), sum(epoch_us(timestamp)), sum(lat), sum(lon), sum(horizontal_accuracy) FROM read_parquet(...)',
      sql: `SELECT min(device_id), max(device_id), sum(epoch_us("timestamp")), sum(lat), sum(lon), sum(horizontal_accuracy) FROM read_parquet(${f})` },
  ];

  const machine = machineLine();
  console.log(`DuckDB read benchmark: ${o.file}`);
  console.log(`  ${rows} rows, file ${fileBytes} bytes; columns ${COLUMNS.join(', ')}: ${colBytes} bytes compressed `
    + `(${colBytesUncompressed} uncompressed) in the footer's column chunks`);
  console.log(`  machine: ${machine}`);
  console.log(`  ${o.warmup} warm-up + ${o.runs} timed runs each; MB = 10^6 bytes of those column chunks`);

  const results = [];
  for (const threads of String(o.threads).split(',').map((t) => t.trim())) {
    const { con } = await openDuckDB({ threads: threads === 'default' ? 'default' : Number(threads) });
    const actualThreads = (await (await con.runAndReadAll("SELECT current_setting('threads')")).getRows())[0][0];
    for (const q of queries) {
      const times = await timeRuns(() => con.run(q.sql), { warmup: o.warmup, runs: o.runs, before: q.before && (() => q.before(con)) });
      const med = median(times);
      const r = { query: q.name, sql: q.what, threads: `${threads} (${actualThreads})`, runs: o.runs, median_s: med,
        min_s: Math.min(...times), max_s: Math.max(...times), rows_per_s: rows / med, mb_per_s: colBytes / med / 1e6, times_s: times };
      results.push(r);
      console.log(`  threads=${r.threads.padEnd(13)} ${q.name.padEnd(11)} median ${fmt.s(med)} (min ${fmt.s(r.min_s)}, max ${fmt.s(r.max_s)})  `
        + `${fmt.rate(r.rows_per_s)}  ${fmt.mbps(r.mb_per_s)}`);
    }
    con.closeSync();
  }
  if (o.json) {
    fs.mkdirSync(path.dirname(path.resolve(o.json)), { recursive: true });
    fs.writeFileSync(o.json, JSON.stringify({ benchmark: 'duckdb-read', file: o.file, rows, file_bytes: fileBytes,
      column_chunk_bytes: colBytes, column_chunk_bytes_uncompressed: colBytesUncompressed, columns: COLUMNS, machine,
      duckdb: '1.5.6 (@duckdb/node-api 1.5.6-r.1)', results }, null, 2) + '\n');
  }
}

main().catch((e) => fail('duckdb-read-bench', e));
