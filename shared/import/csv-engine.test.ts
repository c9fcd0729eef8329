/**
 * The engine's CSV import gives the very table our JS pipeline gives: hostile files through both paths on
 * the real engine, compared column by column (names, DuckDB types) and cell by cell (NULL, NaN and -0 told
 * apart), with the parsed description (warnings, totals, layout, row count) and the provenance row. Each
 * case also says which path must take it, so a plan that silently stopped applying fails here too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import type { ByteSource } from './byte-source';
import { commitCsvPlan, commitCsvWhileScanning, commitTable, getProvenance, importIntoDb } from './commit';
import { ENGINE_MIN_BYTES, planCsvImport, sampleCsv, scanSample } from './csv-engine';
import type { ScanElsewhere } from './csv-stage';
import { importFile } from './pipeline';
import type { ImportOptions } from './types';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => {
  await db.close();
});

const utf8 = (s: string) => new TextEncoder().encode(s);

/** GBK bytes of a string, from the platform's own GBK decoder run backwards. */
const GBK = (() => {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gbk', { fatal: true });
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      try {
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !map.has(ch)) map.set(ch, [a, b]);
      } catch {
        // not a GBK pair
      }
    }
  }
  return (s: string) => new Uint8Array([...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (map.get(ch) ?? [0x3f]))));
})();

/** UTF-16 bytes of a string (little- or big-endian), with a BOM unless told not. */
function UTF16(s: string, endian: 'le' | 'be' = 'le', bom = true): Uint8Array {
  const units = [...(bom ? '\uFEFF' : ''), ...s].flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]));
  return new Uint8Array(units.flatMap((u) => (endian === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));
}

const REGIONS = ['北京市', '天津市', '河北省', '上海市', '江苏省', '浙江省', '广东省', '四川省'];
/** `n` data rows; `cell(i)` gives each row's fields. */
function csv(header: string[], n: number, cell: (i: number) => (string | number)[], eol = '\n', delim = ','): string {
  const rows = [header.join(delim)];
  for (let i = 0; i < n; i++) rows.push(cell(i).join(delim));
  return rows.join(eol) + eol;
}
const base = (i: number) => [REGIONS[i % 8], 2004 + (i % 20), `${REGIONS[i % 8].slice(0, 2)}第${i}社区服务中心`, ((i * 7919) % 100000) / 100];
const HEADER = ['地区', '年份', '机构名称', '数值'];
/** Rows of a file the sample (512 KB) covers, and of one it does not. */
const N = 3000;
const BIG = 40_000;

const MISSING = ['', 'NULL', '—', 'NA', 'NaN', ' - ', '…', 'n/a', '#N/A', '  '];
/** Files written in GBK and in UTF-16 too: [name, text, does the engine read it]. */
const ENCODED: [string, string, boolean][] = [
  ['Chinese text, 万/亿 and 千分位 as text', csv(['地区', '金额', '说明', '数值'], BIG, (i) => [REGIONS[i % 8], ['1.2万', '3亿', '"（1,234）"', '-1.5亿', '约5千'][i % 5], ['约3万人', '12.5万', '"(2,345)"', '"1,234人"'][i % 4], i]), true],
  ['NULL marks in numbers and text', csv(['地区', '人数', '比例', '备注'], BIG, (i) => [REGIONS[i % 8], i % 4 ? i : MISSING[i % MISSING.length], i % 3 ? `${i}.25` : MISSING[(i + 3) % MISSING.length], i % 5 ? `备注${i}` : MISSING[i % MISSING.length]]), true],
  ['totals rows', csv(HEADER, BIG, (i) => (i % 500 === 0 ? ['合计', 2004, i % 1000 ? '总计' : ' 小 计 ', i] : i === BIG - 1 ? ['Grand Total', 2004, 'x', 1] : base(i))), true],
  ['grouped thousands in a number column', csv(HEADER, N, (i) => [...base(i).slice(0, 3), i % 2 ? `"1,${String(i % 1000).padStart(3, '0')}"` : i]), false],
  ['dates 2020年3月', csv(['地区', '日期', '数值'], N, (i) => [REGIONS[i % 8], `${2000 + (i % 20)}年${(i % 12) + 1}月`, i]), false],
];

interface Case {
  name: string;
  bytes: Uint8Array;
  engine: boolean;
  opts?: ImportOptions;
}

const cases: Case[] = [
  { name: 'plain UTF-8', bytes: utf8(csv(HEADER, BIG, base)), engine: true },
  { name: 'UTF-8 with BOM, CRLF', bytes: utf8(`\uFEFF${csv(HEADER, N, base, '\r\n')}`), engine: true },
  { name: 'GBK', bytes: GBK(csv(HEADER, BIG, base)), engine: true },
  { name: 'GBK forced as gbk', bytes: GBK(csv(HEADER, N, base)), engine: true, opts: { encoding: 'gbk' } },
  { name: 'GBK after a UTF-8-looking head', bytes: new Uint8Array([...utf8(csv(HEADER, BIG, (i) => [REGIONS[0], 2004, 'abc', i])), ...GBK('上海市,2005,社区,1\n')]), engine: false },
  { name: 'a malformed UTF-8 byte in a quoted cell after the sample', bytes: new Uint8Array([...utf8(csv(HEADER, BIG, base)), ...utf8('上海市,2005,"社区'), 0xed, 0xa0, 0x80, ...utf8('",1\n')]), engine: false },
  { name: 'a lead byte before a comma after the sample (the scan skips trail bytes)', bytes: new Uint8Array([...utf8(csv(HEADER, BIG, base)), ...utf8('上海市,2005,'), 0xe5, 0x2c, ...utf8('社区,1\n')]), engine: false },
  {
    name: 'quotes with line breaks and doubled quotes',
    bytes: utf8(csv(['地区', '年份', '备注', '数值'], BIG, (i) => [REGIONS[i % 8], 2004 + (i % 3), i % 5 === 0 ? `"第一行\r\n第二行 ""引号"", 逗号"` : i % 7 === 0 ? '""' : `"说明${i}"`, `"${i}.5"`])),
    engine: true,
  },
  {
    // The engine refuses bare LFs in quotes among CRLF records (whole or in pieces): the JS pipeline reads them.
    name: 'CRLF records, bare LFs in quotes',
    bytes: utf8(csv(['地区', '备注', '数值'], BIG, (i) => [REGIONS[i % 8], i % 3 === 0 ? `"第一行\n第二行"` : `说明${i}`, i], '\r\n')),
    engine: false,
  },
  { name: '万/亿 and （1,234） and 千分位 as text', bytes: utf8(csv(['地区', '金额', '说明', '数值'], N, (i) => [REGIONS[i % 8], ['1.2万', '3亿', '"（1,234）"', '-1.5亿', '约5千'][i % 5], ['约3万人', '12.5万', '"(2,345)"', '"1,234人"'][i % 4], i])), engine: true },
  { name: 'grouped thousands in a number column', bytes: utf8(csv(HEADER, N, (i) => [...base(i).slice(0, 3), i % 2 ? `"1,${String(i % 1000).padStart(3, '0')}"` : i])), engine: false },
  { name: 'dates 2020年3月', bytes: utf8(csv(['地区', '日期', '数值'], N, (i) => [REGIONS[i % 8], `${2000 + (i % 20)}年${(i % 12) + 1}月`, i])), engine: false },
  { name: 'ISO dates', bytes: utf8(csv(['地区', '日期', '数值'], N, (i) => [REGIONS[i % 8], `2020-0${(i % 9) + 1}-1${i % 9}`, i])), engine: false },
  { name: 'empty cells and NULL-like words in numbers', bytes: utf8(csv(['地区', '人数', '比例'], BIG, (i) => [REGIONS[i % 8], i % 4 ? i : MISSING[i % MISSING.length], i % 3 ? `${i}.25` : MISSING[(i + 3) % MISSING.length]])), engine: true },
  {
    // The early pieces are read as the sample needs (typed, uncleaned); the scan then asks for more: read again.
    name: 'missing marks and spaces only after the sample',
    bytes: utf8(csv(['地区', '人数', '备注'], BIG, (i) => [REGIONS[i % 8], i > BIG - 50 && i % 2 ? '—' : i, i > BIG - 50 && i % 3 === 0 ? ` NA ` : `备注${i}`])),
    engine: true,
  },
  {
    // The scan's inline text test (surelyPlainText) decides on last bytes that also end whitespace (A0, A8, BF, 80–8A) and on 共
    // starting no total; the spaced cells are not 共 ones, so only that test can notice them.
    name: 'text ending in bytes that whitespace also ends in, real whitespace after the sample',
    bytes: utf8(csv(HEADER, BIG, (i) => [REGIONS[i % 8], 2004, `${i % 7 ? '社区' : '共青团'}${i}${['心', '丠', '丿', '丨', '亀'][i % 5]}${i > BIG - 50 && i % 7 ? ['\u2028', '\u00a0', '\u3000', '\u205f'][i % 4] : ''}`, i])),
    engine: true,
  },
  { name: 'NULL-like words and spaces in text', bytes: utf8(csv(['地区', '备注', '数值'], N, (i) => [REGIONS[i % 8], i % 3 ? ` 备注${i}\u3000` : MISSING[i % MISSING.length], i])), engine: true },
  { name: 'very long text (3 MB in one cell)', bytes: utf8(csv(['地区', '备注', '数值'], N, (i) => [REGIONS[i % 8], i === 1000 ? '长'.repeat(1_000_000) : `短${i}`, i])), engine: true },
  { name: 'mixed types after the sample', bytes: utf8(csv(HEADER, BIG, (i) => [...base(i).slice(0, 3), i === BIG - 5 ? '不详' : i])), engine: false },
  { name: 'numbers in a text column after the sample', bytes: utf8(csv(HEADER, BIG, (i) => [i > BIG - 10 ? String(i) : REGIONS[i % 8], ...base(i).slice(1)])), engine: false },
  { name: '-0, -0.0, 0.50, long decimals, wide integers', bytes: utf8(csv(['地区', '整数', '小数'], N, (i) => [REGIONS[i % 8], i % 2 ? 3_000_000_000 + i : -i, ['-0.0', '0.50', '0.1234567890123456789', '123456789012345.5', `${i}.125`][i % 5]])), engine: true },
  { name: '-0 in a number column', bytes: utf8(csv(['地区', '数值'], N, (i) => [REGIONS[i % 8], i % 10 ? `${i}.5` : '-0'])), engine: false },
  { name: 'integer beyond INT32 after the sample', bytes: utf8(csv(['地区', '数值'], BIG, (i) => [REGIONS[i % 8], i === BIG - 1 ? 2_147_483_648 : i])), engine: false },
  { name: 'Chinese headers with duplicates', bytes: utf8(csv(['地区', '数值', '数值', '地区'], N, (i) => [REGIONS[i % 8], i, i * 2, REGIONS[(i + 1) % 8]])), engine: true },
  { name: 'totals rows', bytes: utf8(csv(HEADER, BIG, (i) => (i % 500 === 0 ? ['合计', 2004, i % 1000 ? '总计' : ' 小 计 ', i] : i === BIG - 1 ? ['Grand Total', 2004, 'x', 1] : base(i)))), engine: true },
  { name: 'a footnote at the end', bytes: utf8(`${csv(HEADER, N, base)}注：本表数据来源于民政统计年鉴,,,\n`), engine: false },
  { name: 'a ragged row', bytes: utf8(csv(HEADER, BIG, (i) => (i === BIG - 2000 ? [...base(i), 'extra'] : base(i)))), engine: false },
  { name: 'a blank line inside', bytes: utf8(csv(HEADER, BIG, (i) => (i === BIG - 2000 ? [',,,'] : base(i)))), engine: false },
  { name: 'tab-separated', bytes: utf8(csv(HEADER, N, base, '\n', '\t')), engine: true },
  { name: 'semicolons, no final line break', bytes: utf8(csv(HEADER, N, base, '\n', ';').trimEnd()), engine: true },
  { name: 'indented row labels', bytes: utf8(csv(HEADER, N, (i) => [i % 2 ? `  ${REGIONS[i % 8]}` : REGIONS[i % 8], ...base(i).slice(1)])), engine: false },
  // UTF-16 and GBK are decoded to UTF-8 once and read by the engine: the same table as the JS pipeline's decodeText gives.
  ...ENCODED.flatMap(([name, text, engine]) => [
    { name: `GBK: ${name}`, bytes: GBK(text), engine },
    { name: `UTF-16LE with BOM: ${name}`, bytes: UTF16(text), engine },
  ]),
  { name: 'UTF-16BE with BOM, CRLF', bytes: UTF16(csv(HEADER, BIG, base, '\r\n'), 'be'), engine: true },
  { name: 'UTF-16LE without BOM (sniffed), a surrogate pair', bytes: UTF16(csv(['id', 'year', 'name', 'value'], BIG, (i) => [`a${i}`, 2004 + (i % 20), i % 97 ? `org ${i}` : `社区😀${i}`, i / 4]), 'le', false), engine: true },
  { name: 'UTF-16LE forced as utf-16le', bytes: UTF16(csv(HEADER, N, base)), engine: true, opts: { encoding: 'utf-16le' } },
  { name: 'UTF-16 with a footnote (the JS pipeline reads it)', bytes: UTF16(`${csv(HEADER, BIG, base)}注：本表数据来源于民政统计年鉴,,,\n`), engine: false },
  { name: 'renamed columns', bytes: utf8(csv(HEADER, N, base)), engine: true, opts: { columns: [{ name: '省份' }, undefined, { name: '数值' }] } },
  { name: 'a type override', bytes: utf8(csv(HEADER, N, base)), engine: false, opts: { columns: [undefined, { type: 'string' }] } },
  { name: 'title rows above the header', bytes: utf8(`全国社会组织统计\n${csv(HEADER, N, base)}`), engine: false },
  { name: '16,384 columns', bytes: utf8(csv(Array.from({ length: 16_384 }, (_, c) => `列${c % 100}`), 3, (i) => Array.from({ length: 16_384 }, (_, c) => (c % 3 ? i + c : `t${c}`)))), engine: true },
];

/**
 * The byte scan as a second thread would deliver it: each piece's end in a task of its own, the scan last,
 * so the engine reads the early pieces before the file is proven (the real thread: electron/cli/csv-scan-thread.test.ts).
 */
const steppedScan: ScanElsewhere = async (s, onPiece) => {
  const ends: number[] = [];
  const scan = scanSample(s, (end) => ends.push(end));
  for (const end of ends) {
    await new Promise((r) => setTimeout(r, 0));
    onPiece(end);
  }
  await new Promise((r) => setTimeout(r, 0));
  return scan;
};

/** The same bytes as a file read in pieces (no whole view): the sample, the scan's windows and the engine's pieces each read apart. */
const readInPieces = (b: Uint8Array): ByteSource => ({ size: b.length, read: (from, to) => b.slice(from, Math.min(to, b.length)) });

const stagingTables = async () => Number((await db.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '__sgw_import_%'")).get(0)?.n);

/** Every cell of a table in row order, NULL, NaN and -0 told apart; plus the columns' DuckDB types. */
async function tableContent(name: string) {
  const columns = (await db.query(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${name}' ORDER BY column_index`)).toArray().map((r) => `${r.column_name}:${r.data_type}`);
  const t = await db.query(`SELECT * FROM "${name}"`);
  const cell = (v: unknown) => (typeof v === 'number' ? (Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v) : v);
  const cols = t.schema.fields.map((_, i) => Array.from(t.getChildAt(i)!.toArray() as ArrayLike<unknown>, cell));
  const nulls = t.schema.fields.map((_, i) => Array.from({ length: t.numRows }, (_, r) => t.getChildAt(i)!.isValid(r)));
  return { columns, rows: t.numRows, cols: cols.map((c, i) => c.map((v, r) => (nulls[i][r] ? v : null))) };
}

describe('CSV import through the engine', () => {
  it.each(cases)('$name: the same table as the JS pipeline', async ({ bytes, engine, opts = {} }) => {
    const old = await importFile(bytes, 'data.csv', opts);
    await commitTable(db, { tableName: 'old', ipc: old.tables[0].ipc, parsed: old.tables[0].parsed, source: old.source, replace: true });
    // Pieces of 64 KB and 100-row steps: every big file the engine takes is read in several.
    const plan = planCsvImport(bytes, 'data.csv', opts, 0, 65_536, 100);
    const committed = plan ? await commitCsvPlan(db, plan, 'new', { replace: true }) : false;
    expect(committed).toBe(engine);
    // The same file never held whole (scanned in windows of 256 KB here): the very same plan, and table.
    const windowed = planCsvImport(readInPieces(bytes), 'data.csv', opts, 0, 65_536, 100);
    expect(windowed && { ...windowed, utf8: windowed.utf8.size }).toEqual(plan && { ...plan, utf8: plan.utf8.size });
    // The same file with the scan beside the engine's read: the same answer, and a proof that fails (or a
    // piece the engine refuses) mid-file leaves no table behind.
    const sample = sampleCsv(bytes, 'data.csv', opts, 0, 65_536, 100);
    const beside = sample ? await commitCsvWhileScanning(db, sample, steppedScan, 'beside', { replace: true }) : null;
    expect(beside !== null).toBe(engine);
    expect(await stagingTables()).toBe(0);
    if (!committed) return;
    expect(beside!.parsed).toEqual(plan!.parsed);
    expect(await tableContent('beside')).toEqual(await tableContent('new'));
    expect(await commitCsvPlan(db, windowed!, 'windowed', { replace: true })).toBe(true);
    expect(await tableContent('windowed')).toEqual(await tableContent('new'));
    const { data: _d, ...parsed } = old.tables[0].parsed;
    expect(plan!.parsed).toEqual({ ...parsed, data: [] });
    expect(plan!.source).toEqual(old.source);
    const [a, b] = [await tableContent('old'), await tableContent('new')];
    expect(b.columns).toEqual(a.columns);
    expect(b.rows).toBe(a.rows);
    for (let i = 0; i < a.cols.length; i++) expect(b.cols[i], a.columns[i]).toEqual(a.cols[i]);
    const [pa, pb] = [await getProvenance(db, 'old'), await getProvenance(db, 'new')];
    expect({ ...pb, tableName: 'old', importedAt: '' }).toEqual({ ...pa, importedAt: '' });
  }, 240_000);

  it('reads a big file in pieces of at least the asked bytes and a multiple of the asked rows, covering every record', () => {
    const bytes = utf8(csv(HEADER, BIG, base));
    const { pieces } = planCsvImport(bytes, 'data.csv', {}, 0, 65_536, 1000)!;
    expect(pieces[0]).toBe(bytes.indexOf(10) + 1);
    expect(pieces.at(-1)).toBe(bytes.length);
    // Each record is 46–55 bytes: 2000 rows are the fewest whole thousands that fill 64 KB.
    expect(pieces.length - 1).toBe(Math.ceil(BIG / 2000));
    const rowsIn = (a: number, z: number) => bytes.subarray(a, z).filter((c) => c === 10).length;
    for (let j = 1; j < pieces.length - 1; j++) {
      expect(bytes[pieces[j] - 1]).toBe(10);
      expect(pieces[j] - pieces[j - 1]).toBeGreaterThanOrEqual(65_536);
      expect(rowsIn(pieces[j - 1], pieces[j]) % 1000).toBe(0);
    }
    expect(planCsvImport(bytes, 'data.csv', {}, 0)!.pieces).toEqual([pieces[0], bytes.length]);
  });

  it('importIntoDb takes the engine for big plain files and leaves small ones to the JS pipeline', async () => {
    const big = utf8(csv(HEADER, 30_000, base));
    expect(big.length).toBeGreaterThan(ENGINE_MIN_BYTES);
    expect(planCsvImport(big, 'big.csv')).not.toBeNull();
    expect(planCsvImport(utf8(csv(HEADER, 3000, base)), 'small.csv')).toBeNull();
    const r = await importIntoDb(db, big, 'big.csv', { tableNames: ['big'] });
    expect(r.tables).toMatchObject([{ name: 'big', rows: 30_000 }]);
    const sum = await db.query('SELECT count(*)::INTEGER AS n, sum(数值)::DOUBLE AS s FROM big');
    expect(sum.get(0)?.toJSON()).toEqual({ n: 30_000, s: Array.from({ length: 30_000 }, (_, i) => base(i)[3] as number).reduce((x, y) => x + y, 0) });
  });
});
