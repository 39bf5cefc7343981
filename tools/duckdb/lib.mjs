// Shared helpers for the DuckDB harness: loading the pinned @duckdb/node-api from its git-ignored install folder,
// opening a connection, and rendering DuckDB values as the corpus's canonical CSV text
// (rules: ../shared/parquet-interop/README.md, "CSV conventions").
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');

/** Folder holding node_modules/@duckdb/node-api: $DUCKDB_NODE_DIR, else <repo>/artifacts/duckdb-node. */
export function duckdbNodeDir() {
  return path.resolve(process.env.DUCKDB_NODE_DIR || path.join(repoRoot, 'artifacts', 'duckdb-node'));
}

let duck = null;
/** The @duckdb/node-api module (CommonJS), loaded from duckdbNodeDir(). Throws a one-line error when missing. */
export function loadDuckDB() {
  if (duck) return duck;
  const dir = duckdbNodeDir();
  if (!fs.existsSync(path.join(dir, 'node_modules', '@duckdb', 'node-api'))) {
    throw new Error(`@duckdb/node-api is not installed in ${dir}; run: bash tools/duckdb/install.sh`);
  }
  duck = createRequire(path.join(dir, 'package.json'))('@duckdb/node-api');
  return duck;
}

/** In-memory DuckDB with the given thread count (default 1) and TimeZone UTC. Returns { instance, con }. */
export async function openDuckDB({ threads = 1 } = {}) {
  const { DuckDBInstance } = loadDuckDB();
  const options = threads === 'default' ? {} : { threads: String(threads) };
  const instance = await DuckDBInstance.create(':memory:', options);
  const con = await instance.connect();
  await con.run("SET TimeZone = 'UTC'");
  return { instance, con };
}

export const sqlString = (s) => `'${String(s).replace(/'/g, "''")}'`;
export const sqlIdent = (s) => `"${String(s).replace(/"/g, '""')}"`;
export const oneLine = (e) => String(e?.message ?? e).replace(/\s+/g, ' ').trim();

// ------------------------------------------------------------------ text rendering

/** A double as JavaScript's shortest round-trip text, with NaN / Infinity / -Infinity / -0. */
export function formatDouble(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0 && 1 / x < 0) return '-0';
  return x.toString();
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
export function toHex(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]];
  return s;
}

/** Exact decimal text with exactly `scale` fraction digits. */
export function formatDecimal(unscaled, scale) {
  const neg = unscaled < 0n;
  let digits = (neg ? -unscaled : unscaled).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return (neg ? '-' : '') + digits;
}

/** RFC 4180 field: null -> empty, '' -> "", quoted when it holds , " CR or LF. */
export function csvField(s) {
  if (s === null || s === undefined) return '';
  if (s === '') return '""';
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const UNIT_NS = { SECONDS: 1000000000n, MILLIS: 1000000n, MICROS: 1000n, NANOS: 1n };

/** Nanoseconds and source precision of any DuckDB timestamp value, or null when `v` is no timestamp. */
function timestampNs(v) {
  const d = loadDuckDB();
  if (v instanceof d.DuckDBTimestampNanosecondsValue) return { ns: v.nanos, unit: 'NANOS' };
  if (v instanceof d.DuckDBTimestampMillisecondsValue) return { ns: v.millis * UNIT_NS.MILLIS, unit: 'MILLIS' };
  if (v instanceof d.DuckDBTimestampSecondsValue) return { ns: v.seconds * UNIT_NS.SECONDS, unit: 'SECONDS' };
  if (v instanceof d.DuckDBTimestampValue || v instanceof d.DuckDBTimestampTZValue) return { ns: v.micros * UNIT_NS.MICROS, unit: 'MICROS' };
  return null;
}

/** Floor division for bigint (raw integers of a coarser unit). */
const floorDiv = (a, b) => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/**
 * Canonical text of one DuckDB value without Parquet schema knowledge: VARCHAR as text, BLOB as hex, numbers as
 * shortest round-trip text, timestamps as the raw integer in DuckDB's own unit, DATE as days, TIME as micros,
 * DECIMAL exact, UUID lower case, nested values as compact JSON whose leaves are strings. null -> null.
 */
export function genericText(v) {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string': return v;
    case 'number': return formatDouble(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
    default: break;
  }
  const d = loadDuckDB();
  if (v instanceof d.DuckDBListValue || v instanceof d.DuckDBArrayValue || v instanceof d.DuckDBStructValue
      || v instanceof d.DuckDBMapValue) return JSON.stringify(nestedJson(v));
  return leafText(v);
}

function leafText(v) {
  const d = loadDuckDB();
  if (v instanceof d.DuckDBBlobValue) return toHex(v.bytes);
  const ts = timestampNs(v);
  if (ts) return (ts.ns / UNIT_NS[ts.unit]).toString();
  if (v instanceof d.DuckDBDateValue) return String(v.days);
  if (v instanceof d.DuckDBTimeValue) return v.micros.toString();
  if (v instanceof d.DuckDBTimeNSValue) return v.nanos.toString();
  if (v instanceof d.DuckDBDecimalValue) return formatDecimal(v.value, v.scale);
  if (v instanceof d.DuckDBUUIDValue) return v.toString().toLowerCase();
  return v.toString();
}

/** Nested value as a JSON-ready structure: arrays, objects (field order), maps as [{key, value}], string leaves. */
export function nestedJson(v) {
  if (v === null || v === undefined) return null;
  const d = loadDuckDB();
  if (v instanceof d.DuckDBListValue || v instanceof d.DuckDBArrayValue) return v.items.map(nestedJson);
  if (v instanceof d.DuckDBStructValue) {
    const o = {};
    for (const [k, x] of Object.entries(v.entries)) o[k] = nestedJson(x);
    return o;
  }
  if (v instanceof d.DuckDBMapValue) return v.entries.map((e) => ({ key: nestedJson(e.key), value: nestedJson(e.value) }));
  return genericText(v);
}

// ------------------------------------------------------------------ Parquet schema -> CSV column kinds

/** Which unit a TimestampType/TimeType logical type string (as parquet_schema() prints it) names. */
function unitOf(logical) {
  if (/MILLIS=MilliSeconds\(\)/.test(logical)) return 'MILLIS';
  if (/MICROS=MicroSeconds\(\)/.test(logical)) return 'MICROS';
  if (/NANOS=NanoSeconds\(\)/.test(logical)) return 'NANOS';
  return null;
}

function leafKind(el) {
  const t = el.type;
  const ct = el.converted_type ?? null;
  const lt = el.logical_type ?? '';
  const ltName = (/^(\w+?)Type\(/.exec(lt) ?? [])[1] ?? null; // "TimestampType(...)" -> "Timestamp"
  if (t === 'BOOLEAN') return { kind: 'bool' };
  if (ct === 'DECIMAL' || ltName === 'Decimal') return { kind: 'decimal', scale: Number(el.scale ?? /scale=(\d+)/.exec(lt)?.[1] ?? 0) };
  if (t === 'INT96') return { kind: 'int96_epoch_ns' };
  if (t === 'INT32' || t === 'INT64') {
    let unit = null;
    if (ltName === 'Timestamp') unit = unitOf(lt);
    else if (ct === 'TIMESTAMP_MILLIS') unit = 'MILLIS';
    else if (ct === 'TIMESTAMP_MICROS') unit = 'MICROS';
    if (unit) return { kind: 'timestamp_raw', unit };
    if (ct === 'DATE' || ltName === 'Date') return { kind: 'date_raw' };
    if (ct === 'TIME_MILLIS') return { kind: 'time_raw', unit: 'MILLIS' };
    if (ct === 'TIME_MICROS') return { kind: 'time_raw', unit: 'MICROS' };
    if (ltName === 'Time') return { kind: 'time_raw', unit: unitOf(lt) ?? 'MICROS' };
    const unsigned = (ct !== null && ct.startsWith('UINT_')) || (ltName === 'Int' && /isSigned=0/.test(lt));
    return { kind: unsigned ? 'uint' : 'int' };
  }
  if (t === 'FLOAT') return { kind: 'float' };
  if (t === 'DOUBLE') return { kind: 'double' };
  if (ltName === 'Float16') return { kind: 'float16' };
  if (ltName === 'UUID') return { kind: 'uuid' };
  if (['UTF8', 'ENUM', 'JSON'].includes(ct) || ['String', 'Enum', 'Json'].includes(ltName)) return { kind: 'string' };
  return { kind: 'hex' };
}

/** Top-level columns of a Parquet file with their CSV kind, from DuckDB's parquet_schema(). */
export async function parquetColumnKinds(con, file) {
  const r = await con.runAndReadAll(
    `SELECT name, type, repetition_type, num_children, converted_type, scale, logical_type FROM parquet_schema(${sqlString(file)})`);
  const els = r.getRowObjectsJson();
  if (els.length === 0) throw new Error(`no schema in ${file}`);
  const children = (el) => Number(el.num_children ?? 0);
  const skip = (i) => { let next = i + 1; for (let k = 0; k < children(els[i]); k++) next = skip(next); return next; };
  const cols = [];
  for (let i = 1; i < els.length; i = skip(i)) {
    const el = els[i];
    if (children(el) > 0 || el.repetition_type === 'REPEATED') cols.push({ name: el.name, kind: 'json' });
    else cols.push({ name: el.name, physical_type: el.type, ...leafKind(el) });
  }
  if (cols.length !== children(els[0])) throw new Error(`schema of ${file}: root declares ${children(els[0])} columns, found ${cols.length}`);
  return cols;
}

/**
 * Canonical text of a value read by DuckDB from a Parquet column of the given kind. `notes` (a Set) collects
 * one-line remarks when DuckDB cannot give the exact stored value (e.g. TIMESTAMP(NANOS, UTC) read as microseconds).
 */
export function kindText(v, col, notes) {
  if (v === null || v === undefined) return null;
  switch (col.kind) {
    case 'json': return JSON.stringify(nestedJson(v));
    case 'float': case 'double': case 'float16': return formatDouble(Number(v));
    case 'bool': return v ? 'true' : 'false';
    case 'timestamp_raw': {
      const ts = timestampNs(v);
      if (!ts) return genericText(v);
      if (UNIT_NS[ts.unit] > UNIT_NS[col.unit]) notes?.add(`column ${col.name}: TIMESTAMP(${col.unit}) comes back from DuckDB in ${ts.unit} only; the finer digits are zeros`);
      return floorDiv(ts.ns, UNIT_NS[col.unit]).toString();
    }
    case 'int96_epoch_ns': {
      const ts = timestampNs(v);
      notes?.add(`column ${col.name}: DuckDB reads INT96 with microsecond precision only; the nanosecond digits are zeros`);
      return ts ? ts.ns.toString() : genericText(v);
    }
    case 'time_raw': {
      const d = loadDuckDB();
      const ns = v instanceof d.DuckDBTimeNSValue ? v.nanos : v.micros * 1000n;
      if (col.unit === 'NANOS' && !(v instanceof d.DuckDBTimeNSValue)) notes?.add(`column ${col.name}: TIME(NANOS) comes back from DuckDB in microseconds only`);
      return floorDiv(ns, UNIT_NS[col.unit]).toString();
    }
    case 'hex': return typeof v === 'string' ? toHex(Buffer.from(v, 'utf8')) : toHex(v.bytes);
    case 'string': return typeof v === 'string' ? v : Buffer.from(v.bytes).toString('utf8');
    default: return genericText(v);
  }
}
