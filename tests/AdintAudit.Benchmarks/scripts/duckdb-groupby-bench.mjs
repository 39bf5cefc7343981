#!/usr/bin/env node
// DuckDB floor for the end-to-end audit benchmark: the cheapest per-device question one can ask of a ping file,
//   SELECT device_id, count(*) FROM read_parquet(FILE) GROUP BY device_id   (groups counted inside DuckDB)
// timed with DuckDB's default threads (all cores) and with one thread. Prints one JSON line per setting.
//
//   node tests/AdintAudit.Benchmarks/scripts/duckdb-groupby-bench.mjs --file pings.parquet [--runs 3]
import fs from 'node:fs';
import path from 'node:path';
import { openDuckDB, sqlString, parseOptions, median, fail } from './bench-common.mjs';

const USAGE = 'usage: duckdb-groupby-bench.mjs --file F.parquet [--runs N]';

async function main() {
  const o = parseOptions(process.argv.slice(2), { file: '', runs: 3 }, USAGE);
  if (!o.file || !fs.existsSync(o.file)) throw new Error(`no such file: ${o.file}; ${USAGE}`);
  // The groups are counted inside DuckDB: handing 500,000 rows to JavaScript would time node, not DuckDB.
  const sql = `SELECT count(*) AS groups, sum(n) AS pings FROM (SELECT device_id, count(*) AS n FROM read_parquet(${sqlString(path.resolve(o.file))}) GROUP BY device_id)`;
  for (const threads of ['default', 1]) {
    const db = await openDuckDB({ threads });
    const seconds = [];
    let groups = 0;
    for (let r = 0; r < o.runs; r++) {
      const start = process.hrtime.bigint();
      const reader = await db.con.runAndReadAll(sql);
      groups = Number(reader.getRows()[0][0]);
      seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
    db.con.closeSync();
    console.log(JSON.stringify({ query: 'group_by_device', threads, runs: seconds.map((s) => +s.toFixed(3)), median_s: +median(seconds).toFixed(3), groups }));
  }
}

main().catch((e) => fail('duckdb-groupby-bench', e));
