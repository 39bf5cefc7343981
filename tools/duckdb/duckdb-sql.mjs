#!/usr/bin/env node
// Runs real DuckDB (single thread, TimeZone UTC, in-memory) for the tests. See README.md beside this file.
//
//   node tools/duckdb/duckdb-sql.mjs [--format csv|jsonl] [--param VALUE]... [SQL | -]
//       Runs SQL (argument, or stdin when absent or "-"; several statements allowed, the last one's rows are
//       printed). --param binds VALUE (as VARCHAR) to the next ? / $n of the last statement.
//   node tools/duckdb/duckdb-sql.mjs --read-parquet FILE [--format csv|jsonl]
//       Prints FILE's rows as the corpus's canonical CSV (kinds decided from parquet_schema()).
//   node tools/duckdb/duckdb-sql.mjs --csv-to-parquet IN.csv OUT.parquet [--column NAME:KIND]... [--copy-options OPTS]
//       Reads a canonical CSV and writes it with DuckDB's Parquet writer (COPY ... (FORMAT parquet, OPTS)).
//
// Output: CSV = RFC 4180, CRLF after every record, header line; null = empty unquoted field, '' = "".
// jsonl = one JSON object per row, every scalar as its canonical text (or null), nested values as JSON.
// On failure: exit status 1 and one line "duckdb-sql: <message>" on stderr.
import fs from 'node:fs';
import { openDuckDB, parquetColumnKinds, kindText, genericText, nestedJson, csvField, sqlString, sqlIdent, oneLine, loadDuckDB } from './lib.mjs';

const USAGE = 'usage: duckdb-sql.mjs [--format csv|jsonl] [--param V]... [SQL|-] | --read-parquet FILE | --csv-to-parquet IN OUT [--column NAME:KIND]... [--copy-options OPTS]';

function parseArgs(argv) {
  const o = { format: 'csv', params: [], columns: [], copyOptions: '', sql: null, readParquet: null, csvToParquet: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value; ${USAGE}`); return argv[++i]; };
    if (a === '--format') o.format = next();
    else if (a === '--csv') o.format = 'csv';
    else if (a === '--jsonl' || a === '--json') o.format = 'jsonl';
    else if (a === '--param') o.params.push(next());
    else if (a === '--read-parquet') o.readParquet = next();
    else if (a === '--csv-to-parquet') o.csvToParquet = [next(), next()];
    else if (a === '--column') o.columns.push(next());
    else if (a === '--copy-options') o.copyOptions = next();
    else if (a === '-h' || a === '--help') { process.stdout.write(USAGE + '\n'); process.exit(0); }
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}; ${USAGE}`);
    else if (o.sql === null) o.sql = a;
    else throw new Error(`more than one SQL argument; ${USAGE}`);
  }
  if (!['csv', 'jsonl'].includes(o.format)) throw new Error(`--format must be csv or jsonl, not ${o.format}`);
  return o;
}

// ------------------------------------------------------------------ output with back-pressure
async function write(text) {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** Streams a DuckDBResult as CSV or JSON lines; `render(value, columnIndex)` gives a column's canonical text. */
async function emit(result, header, format, renderers) {
  if (format === 'csv') await write(header.map(csvField).join(',') + '\r\n');
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const cols = [];
    for (let j = 0; j < chunk.columnCount; j++) cols.push(chunk.getColumnValues(j));
    let out = '';
    for (let i = 0; i < chunk.rowCount; i++) {
      if (format === 'csv') {
        let line = '';
        for (let j = 0; j < cols.length; j++) line += (j ? ',' : '') + csvField(renderers[j].text(cols[j][i]));
        out += line + '\r\n';
      } else {
        const obj = {};
        for (let j = 0; j < cols.length; j++) obj[header[j]] = renderers[j].json(cols[j][i]);
        out += JSON.stringify(obj) + '\n';
      }
    }
    await write(out);
  }
}

function isNested(v) {
  const d = loadDuckDB();
  return v instanceof d.DuckDBListValue || v instanceof d.DuckDBArrayValue || v instanceof d.DuckDBStructValue || v instanceof d.DuckDBMapValue;
}
const genericRenderer = {
  text: genericText,
  json: (v) => (v !== null && v !== undefined && isNested(v) ? nestedJson(v) : genericText(v)),
};

// ------------------------------------------------------------------ modes
async function runSql(con, sql, params, format) {
  const extracted = await con.extractStatements(sql);
  const n = extracted.count;
  if (n === 0) throw new Error('no SQL statement given');
  for (let i = 0; i < n - 1; i++) await (await extracted.prepare(i)).run();
  const last = await extracted.prepare(n - 1);
  if (params.length) last.bind(params);
  const result = await last.stream();
  const header = result.deduplicatedColumnNames();
  await emit(result, header, format, header.map(() => genericRenderer));
}

async function readParquet(con, file, format) {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const cols = await parquetColumnKinds(con, file);
  const result = await con.stream(`SELECT * FROM read_parquet(${sqlString(file)})`);
  if (result.columnCount !== cols.length) throw new Error(`DuckDB returned ${result.columnCount} columns, the schema has ${cols.length}`);
  const notes = new Set();
  const renderers = cols.map((c) => ({
    text: (v) => kindText(v, c, notes),
    json: (v) => (c.kind === 'json' && v !== null && v !== undefined ? nestedJson(v) : kindText(v, c, notes)),
  }));
  await emit(result, cols.map((c) => c.name), format, renderers);
  for (const n of notes) process.stderr.write(`duckdb-sql: note: ${n}\n`);
}

/** SQL expression turning the VARCHAR CSV field `c` into a value of the given kind. */
function kindExpr(c, kind) {
  const k = kind.toLowerCase();
  const simple = { string: null, bool: 'BOOLEAN', int8: 'TINYINT', int16: 'SMALLINT', int32: 'INTEGER', int64: 'BIGINT',
    uint8: 'UTINYINT', uint16: 'USMALLINT', uint32: 'UINTEGER', uint64: 'UBIGINT', float: 'FLOAT', double: 'DOUBLE' };
  if (k in simple) return simple[k] ? `CAST(${c} AS ${simple[k]})` : c;
  switch (k) {
    case 'hex': return `from_hex(${c})`;
    case 'timestamp_ms': return `CAST(epoch_ms(CAST(${c} AS BIGINT)) AS TIMESTAMP_MS)`;
    case 'timestamp_us': return `make_timestamp(CAST(${c} AS BIGINT))`;
    case 'timestamptz_us': return `CAST(make_timestamp(CAST(${c} AS BIGINT)) AS TIMESTAMPTZ)`;
    case 'timestamp_ns': return `make_timestamp_ns(CAST(${c} AS BIGINT))`;
    case 'date': return `CAST(DATE '1970-01-01' + CAST(${c} AS INTEGER) AS DATE)`;
    default:
      if (!/^[A-Za-z_][A-Za-z0-9_ ,()]*$/.test(kind)) throw new Error(`bad column kind ${kind}`);
      return `CAST(${c} AS ${kind})`; // any DuckDB type, e.g. DECIMAL(9,2)
  }
}

/** Header names of an RFC 4180 CSV file (first record). */
function csvHeader(file) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 16);
  const len = fs.readSync(fd, buf, 0, buf.length, 0);
  fs.closeSync(fd);
  const text = buf.subarray(0, len).toString('utf8');
  const names = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else { i++; break; } } else field += text[i];
      }
    } else {
      while (i < text.length && !',\r\n'.includes(text[i])) field += text[i++];
    }
    names.push(field);
    if (text[i] === ',') { i++; continue; }
    break;
  }
  if (names.length === 1 && names[0] === '') throw new Error(`no header line in ${file}`);
  return names;
}

async function csvToParquet(con, input, output, columnSpecs, copyOptions) {
  if (!fs.existsSync(input)) throw new Error(`no such file: ${input}`);
  const names = csvHeader(input);
  const kinds = new Map();
  for (const s of columnSpecs) {
    const at = s.lastIndexOf(':');
    if (at <= 0) throw new Error(`--column wants NAME:KIND, got ${s}`);
    kinds.set(s.slice(0, at), s.slice(at + 1));
  }
  for (const k of kinds.keys()) if (!names.includes(k)) throw new Error(`--column ${k}: no such column in ${input}`);
  const columns = names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ');
  const select = names.map((n) => `${kindExpr(sqlIdent(n), kinds.get(n) ?? 'string')} AS ${sqlIdent(n)}`).join(', ');
  const src = `read_csv(${sqlString(input)}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"', `
    + `columns = {${columns}}, allow_quoted_nulls = false, strict_mode = true)`;
  const opts = copyOptions.trim() ? `, ${copyOptions.trim()}` : '';
  await con.run(`COPY (SELECT ${select} FROM ${src}) TO ${sqlString(output)} (FORMAT parquet${opts})`);
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const { con } = await openDuckDB({ threads: 1 });
  if (o.readParquet) return readParquet(con, o.readParquet, o.format);
  if (o.csvToParquet) return csvToParquet(con, o.csvToParquet[0], o.csvToParquet[1], o.columns, o.copyOptions);
  const sql = o.sql === null || o.sql === '-' ? fs.readFileSync(0, 'utf8') : o.sql;
  return runSql(con, sql, o.params, o.format);
}

process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); });
main().catch((e) => {
  process.stderr.write(`duckdb-sql: ${oneLine(e)}\n`);
  process.exitCode = 1;
});
