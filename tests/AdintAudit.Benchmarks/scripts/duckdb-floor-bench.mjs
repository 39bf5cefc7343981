#!/usr/bin/env node
// DuckDB floors for the end-to-end audit benchmark (scripts/e2e-audit.sh), on the audit's own ping file:
//   group_by_device  SELECT device_id, count(*) FROM read_parquet(F) GROUP BY device_id   (groups counted inside DuckDB)
//   read_columns     SELECT count(*), sum(strlen(device_id)), sum(epoch_ms(timestamp)), sum(lat), sum(lon),
//                    count(accuracy), sum(accuracy) FROM read_parquet(F)
//                    (a full scan that decodes every value of the five ping columns; the counterpart of our
//                    `read-columns` stopwatch entry, which prints the same sums)
// The columns are found by the audit's aliases (src/AdintAudit/Data/ColumnMapping.cs). Each query runs with each
// thread count: W warm-up + R timed runs, median of the wall time and of the process CPU time (user + system, all
// threads: robust to other load on the machine). Prints one JSON line per (query, threads).
//
//   node tests/AdintAudit.Benchmarks/scripts/duckdb-floor-bench.mjs --file pings.parquet [--runs 3] [--warmup 1]
//        [--threads 1,2] [--queries group_by_device,read_columns]
import fs from 'node:fs';
import path from 'node:path';
import { openDuckDB, sqlString, parseOptions, median, timeRuns, fail } from './bench-common.mjs';

const USAGE = 'usage: duckdb-floor-bench.mjs --file F.parquet [--runs N] [--warmup N] [--threads 1,2] [--queries group_by_device,read_columns]';

// The same aliases, in the same order of preference, as ColumnMapping (matched case-insensitively).
const ALIASES = {
  device: ['device_id', 'ad_id', 'maid', 'ifa', 'idfa', 'gaid', 'advertising_id', 'deviceId', 'uid', 'caid', 'clientid', 'user_id'],
  time: ['timestamp', 'ts', 'time', 'utc_timestamp', 'event_time', 'eventTimeMilli', 'unixtime', 'datetime', 'UTC'],
  lat: ['latitude', 'lat'],
  lon: ['longitude', 'lon', 'lng', 'long'],
  accuracy: ['horizontal_accuracy', 'accuracy', 'acc', 'hacc', 'horizontalAccuracy', 'error'],
};

/** { field: { name, type } } for the file's columns; accuracy may be missing. */
async function pingColumns(con, f) {
  const described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${f})`)).getRows().map((r) => ({ name: r[0], type: r[1] }));
  const found = {};
  for (const [field, aliases] of Object.entries(ALIASES)) {
    for (const alias of aliases) {
      const c = described.find((d) => d.name.toLowerCase() === alias.toLowerCase());
      if (c) { found[field] = c; break; }
    }
    if (!found[field] && field !== 'accuracy') throw new Error(`no ${field} column among ${described.map((d) => d.name).join(', ')}`);
  }
  return found;
}

function readColumnsSql(f, c) {
  const q = (col) => `"${col.name.replace(/"/g, '""')}"`;
  // Timestamps as milliseconds since the epoch (our reader sums the stored integers: the same figure for ms files).
  const ts = /^TIMESTAMP/.test(c.time.type) ? `epoch_ms(${q(c.time)})` : q(c.time);
  const acc = c.accuracy ? `count(${q(c.accuracy)}), sum(${q(c.accuracy)})` : '0, 0';
  return `SELECT count(*), sum(strlen(${q(c.device)})), sum(${ts}), sum(${q(c.lat)}), sum(${q(c.lon)}), ${acc} FROM read_parquet(${f})`;
}

async function main() {
  const o = parseOptions(process.argv.slice(2), { file: '', runs: 3, warmup: 1, threads: '1,2', queries: 'group_by_device,read_columns' }, USAGE);
  if (!o.file || !fs.existsSync(o.file)) throw new Error(`no such file: ${o.file}; ${USAGE}`);
  const f = sqlString(path.resolve(o.file));
  const probe = await openDuckDB({ threads: 1 });
  const columns = await pingColumns(probe.con, f);
  probe.con.closeSync();
  const queries = {
    group_by_device: `SELECT count(*) AS groups, sum(n) AS pings FROM (SELECT "${columns.device.name}", count(*) AS n FROM read_parquet(${f}) GROUP BY 1)`,
    read_columns: readColumnsSql(f, columns),
  };
  for (const name of String(o.queries).split(',')) {
    if (!(name in queries)) throw new Error(`unknown query ${name}; ${USAGE}`);
    for (const threads of String(o.threads).split(',').map(Number)) {
      const { con } = await openDuckDB({ threads });
      let row = null;
      const cpu = [];
      const seconds = await timeRuns(async () => { row = (await con.runAndReadAll(queries[name])).getRows()[0]; }, { warmup: o.warmup, runs: o.runs, cpu });
      con.closeSync();
      const result = { query: name, threads, runs_s: seconds.map((s) => +s.toFixed(3)), median_s: +median(seconds).toFixed(3),
        cpu_runs_s: cpu.map((s) => +s.toFixed(3)), cpu_median_s: +median(cpu).toFixed(3) };
      if (name === 'group_by_device') Object.assign(result, { groups: Number(row[0]), rows: Number(row[1]) });
      else {
        Object.assign(result, { rows: Number(row[0]), device_id_bytes: Number(row[1]), timestamp_sum: String(row[2]),
          lat_sum: row[3], lon_sum: row[4], accuracy_values: Number(row[5]), accuracy_sum: Number(row[6]) });
      }
      console.log(JSON.stringify(result));
    }
  }
}

main().catch((e) => fail('duckdb-floor-bench', e));
