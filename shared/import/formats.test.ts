import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { analyzeFile } from './pipeline';
import { ImportError } from './types';

const dir = path.resolve(__dirname, '../../tests/fixtures/formats');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));

/** What every fixture of tests/fixtures/formats/make-formats.mjs holds. */
const LATIN = { names: ['region', 'äøéöwithCol', 'count'], data: [['north', 'south'], ['Straße', 'café'], [12, 3.5]] };
const UNICODE = { names: ['地区', 'äøéöwithCol', '数量'], data: [['北京', '上海'], ['海淀区', '浦东新区'], [12, 3.5]] };

async function failure(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(e)}`);
  return e;
}

describe('every format SheetJS reads is recognised by its bytes and read through SheetJS', () => {
  it.each([
    ['spreadsheetml.xml', UNICODE],
    ['sheet.fods', UNICODE],
    ['sheet.html', UNICODE],
    ['sheet.ods', UNICODE],
    ['sheet.xlsb', UNICODE],
    ['biff8.xls', UNICODE],
    ['sheet.slk', LATIN],
    ['sheet.dif', LATIN],
    ['biff2.xls', LATIN],
    ['biff3.xls', LATIN],
    ['biff4.xls', LATIN],
    ['biff5.xls', LATIN],
    ['lotus.wk1', LATIN],
    ['lotus.wk3', LATIN],
  ])('%s, even named .csv', async (name, want) => {
    for (const fileName of [name, 'renamed.csv', 'no-extension']) {
      const { source, tables } = await analyzeFile(fixture(name), fileName);
      expect(source.format).toBe('xlsx');
      expect(tables[0].columns.map((c) => c.name)).toEqual(want.names);
      expect(tables[0].data).toEqual(want.data);
    }
  });

  it('a Lotus file cut short is refused before SheetJS reads it (SheetJS would grow an array until V8 aborts)', async () => {
    for (const name of ['lotus.wk1', 'lotus.wk3']) {
      const whole = fixture(name);
      for (const cut of [Math.floor(whole.length / 2), whole.length - 4, 8]) {
        const e = await failure(analyzeFile(whole.slice(0, cut), name));
        expect([e.key, e.params.detail]).toEqual(['import.err.badWorkbook', 'Lotus 1-2-3 / Quattro Pro']);
      }
    }
  });

  it('dBASE: its field names are at most 10 bytes, so the long one is cut by the format itself', async () => {
    const { tables } = await analyzeFile(fixture('table.dbf'), 'table.dbf');
    expect(tables[0].data).toEqual(LATIN.data);
    expect(tables[0].columns.map((c) => c.name)[0]).toBe('region');
  });

  it('an HTML table saved as .xls (as many web systems export) imports its Chinese', async () => {
    const html = '<html><head><meta charset="gb2312"></head><body><table><tr><td>地区</td><td>数量</td></tr><tr><td>北京</td><td>12</td></tr></table></body></html>';
    const bytes = new TextEncoder().encode(html);
    const { tables } = await analyzeFile(bytes, '导出.xls');
    expect(tables[0].columns.map((c) => c.name)).toEqual(['地区', '数量']);
    expect(tables[0].data).toEqual([['北京'], [12]]);
  });
});

describe('markup and binary nothing here reads are refused by name, never read as delimited text', () => {
  it.each([
    ['<?xml version="1.0"?><note><to>x</to></note>', 'XML'],
    ['<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'HTML/XML'],
    ['%PDF-1.4\n%âãÏÓ\n1 0 obj', 'PDF'],
  ])('%s', async (text, format) => {
    const e = await failure(analyzeFile(new TextEncoder().encode(text), 'data.csv'));
    expect(e.key).toBe('import.err.unsupportedFormat');
    expect(e.params).toEqual({ format });
  });

  it.each([
    [[0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0], 'gzip'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG'],
    [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], '7z'],
  ])('binary %s', async (bytes, format) => {
    const e = await failure(analyzeFile(new Uint8Array([...bytes, ...new Array(64).fill(7)]), 'data.xlsx'));
    expect(e).toMatchObject({ key: 'import.err.unsupportedFormat', params: { format } });
  });

  it('a zip that is no workbook is refused, not read', async () => {
    const e = await failure(analyzeFile(zipSync({ 'readme.txt': new TextEncoder().encode('hello') }), 'x.zip'));
    expect(['import.err.unsupportedFormat', 'import.err.badWorkbook']).toContain(e.key);
  });
});

/**
 * A two-by-two xlsx whose sheet declares `dimension` and, optionally, holds one more value at `far`. Written
 * by hand: SheetJS's writer walks every cell of the declared range.
 */
function sheetReaching(dimension: string, far?: string): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 'b'], [1, 2]]), 'S');
  const files = unzipSync(new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer));
  const row = far ? `<row r="${/\d+$/.exec(far)![0]}"><c r="${far}" t="inlineStr"><is><t>far</t></is></c></row>` : '';
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dimension}"/>`).replace('</sheetData>', `${row}</sheetData>`);
  files['xl/worksheets/sheet1.xml'] = strToU8(xml);
  return zipSync(files);
}

describe('sheets far beyond their values', () => {
  it('a real value at XFD1048576 is never dropped: the sheet is refused, naming its area', async () => {
    const t0 = Date.now();
    const e = await failure(analyzeFile(sheetReaching('A1:XFD1048576', 'XFD1048576'), 'far.xlsx'));
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(e).toMatchObject({ key: 'import.err.sheetTooLarge', params: { sheet: 'S', range: 'A1:XFD1048576', rows: 1048576, columns: 16384 } });
  });

  it('a declared range larger than the values (formatting left behind) imports just the values', async () => {
    const { tables } = await analyzeFile(sheetReaching('A1:XFD1048576'), 'wide-ref.xlsx');
    expect(tables[0].columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(tables[0].data).toEqual([[1], [2]]);
  });
});

/** An xlsx whose only sheet is `pad` bytes of whitespace, streamed so the test never holds them. */
function whitespaceBomb(pad: number, lie = false): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const add = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  add('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  const chunk = strToU8(' '.repeat(1 << 20));
  sheet.push(strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  for (let n = 0; n < pad; n += chunk.length) sheet.push(chunk);
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  if (lie) {
    // Every header (local, data descriptor, central) now claims the sheet inflates to 1,000 bytes.
    const view = new DataView(out.buffer);
    for (let i = 0; i + 4 < out.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x02014b50 && strFromU8(out.subarray(i + 46, i + 46 + 24)) === 'xl/worksheets/sheet1.xml') view.setUint32(i + 24, 1000, true);
      if (sig === 0x08074b50 && view.getUint32(i + 12, true) > 1 << 20) view.setUint32(i + 12, 1000, true);
    }
  }
  return out;
}

describe('bounded: refused quickly with a message, never imported empty or cut', () => {
  it('an xlsx whose sheet inflates to 450 MB of whitespace is refused before inflating', async () => {
    const bytes = whitespaceBomb(450 << 20);
    const t0 = Date.now();
    const e = await failure(analyzeFile(bytes, 'bomb.xlsx'));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(e).toMatchObject({ key: 'import.err.zipTooLarge', params: { entry: 'xl/worksheets/sheet1.xml', limit: 400 } });
  });

  it('… and when its headers lie about the size, inflating stops at the limit', async () => {
    const bytes = whitespaceBomb(450 << 20, true);
    const e = await failure(analyzeFile(bytes, 'bomb.xlsx'));
    expect(e).toMatchObject({ key: 'import.err.zipTooLarge', params: { entry: 'xl/worksheets/sheet1.xml' } });
  }, 60_000);

  it('a CSV header of 6 million columns is refused with the column cap', async () => {
    const header = Array.from({ length: 6_000_000 }, (_, i) => `c${i}`).join(',');
    const t0 = Date.now();
    const e = await failure(analyzeFile(new TextEncoder().encode(`${header}\n`), 'wide.csv'));
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(e).toMatchObject({ key: 'import.err.tooManyColumns', params: { columns: 6_000_000, limit: 16_384 } });
  }, 60_000);

  it('16,384 columns import; 16,385 are refused', async () => {
    const csv = (n: number) => new TextEncoder().encode(`${Array.from({ length: n }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: n }, (_, i) => i).join(',')}\n`);
    const { tables } = await analyzeFile(csv(16_384), 'wide.csv');
    expect(tables[0].columns.length).toBe(16_384);
    expect(tables[0].data[16_383]).toEqual([16_383]);
    expect(await failure(analyzeFile(csv(16_385), 'wide.csv'))).toMatchObject({ key: 'import.err.tooManyColumns' });
  }, 60_000);

  it('one JSON object with 500,000 keys is refused with the column cap', async () => {
    const json = `[{${Array.from({ length: 500_000 }, (_, i) => `"k${i}":${i}`).join(',')}}]`;
    const t0 = Date.now();
    const e = await failure(analyzeFile(new TextEncoder().encode(json), 'keys.json'));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(e).toMatchObject({ key: 'import.err.tooManyColumns', params: { limit: 16_384 } });
  });

  it('JSON nested 100,000 deep inside a record is refused in words, not with a stack overflow', async () => {
    const json = `[{"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]`;
    const e = await failure(analyzeFile(new TextEncoder().encode(json), 'deep.json'));
    expect(e).toMatchObject({ key: 'import.err.jsonTooDeep', params: { limit: 64 } });
    // Nesting within the limit stays a value of its column.
    const { tables } = await analyzeFile(new TextEncoder().encode('[{"a": [[1, {"b": "[not nesting]"}]]}]'), 'ok.json');
    expect(tables[0].data[0]).toEqual(['[[1,{"b":"[not nesting]"}]]']);
  });
});
