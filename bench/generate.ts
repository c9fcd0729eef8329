import { createWriteStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** mulberry32: small, fast, seeded — the same seed gives the same data on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const REGIONS = ['北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市', '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区'];
export const TYPES = ['社会团体', '民办非企业单位', '基金会', '社会服务机构'];
export const INDICATORS = ['机构数', '从业人员', '净资产', '年度收入', '年度支出'];
export const YEARS = Array.from({ length: 20 }, (_, i) => 2004 + i);
export const HEADER = '地区,年份,类型,指标,机构名称,数值';

/** One row of the region × year × type × indicator cube, with a Chinese organisation name. */
export function makeRow(i: number, random: () => number): string {
  const region = REGIONS[Math.floor(random() * REGIONS.length)];
  const year = YEARS[Math.floor(random() * YEARS.length)];
  const type = TYPES[Math.floor(random() * TYPES.length)];
  const indicator = INDICATORS[Math.floor(random() * INDICATORS.length)];
  const value = Math.round(random() * 1_000_000) / 100;
  return `${region},${year},${type},${indicator},${region.slice(0, 2)}第${i % 9973}社区服务中心,${value}`;
}

/** Writes `rows` rows as CSV (UTF-8) unless a file of that size already exists; returns its path. */
export async function generateCsv(dir: string, rows: number, seed = 20261122): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `cube-${rows}.csv`);
  try {
    if ((await stat(file)).size > 0) return file;
  } catch {
    // not generated yet
  }
  const random = seededRandom(seed);
  const out = createWriteStream(file);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', () => resolve())));
  await write(`${HEADER}\n`);
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    chunk.push(makeRow(i, random));
    if (chunk.length === 10_000) {
      await write(`${chunk.join('\n')}\n`);
      chunk.length = 0;
    }
  }
  if (chunk.length) await write(`${chunk.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return file;
}

/** GB18030 bytes of a string with the platform's own decoder run backwards (the two-byte forms: all the bench's characters have one). */
function gb18030Encoder(): (s: string) => Buffer {
  const map = new Map<number, number>();
  const dec = new TextDecoder('gb18030', { fatal: true });
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      try {
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !map.has(ch.charCodeAt(0))) map.set(ch.charCodeAt(0), (a << 8) | b);
      } catch {
        // not a two-byte form
      }
    }
  }
  return (s) => {
    const out = Buffer.alloc(s.length * 2);
    let at = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) out[at++] = c;
      else {
        const g = map.get(c);
        if (g === undefined) throw new Error(`no GB18030 two-byte form for ${s[i]}`);
        out[at++] = g >> 8;
        out[at++] = g & 0xff;
      }
    }
    return out.subarray(0, at);
  };
}

/**
 * The same table as `csv` written in GB18030 (what Excel and WPS write on Chinese Windows) and in UTF-16LE with
 * a BOM (Excel's "Unicode text"), next to it unless already there; returns their paths.
 */
export async function encodedCopies(csv: string): Promise<{ gb18030: string; utf16le: string }> {
  const files = { gb18030: csv.replace(/\.csv$/, '.gb18030.csv'), utf16le: csv.replace(/\.csv$/, '.utf16le.csv') };
  const text = (await readFile(csv)).toString('utf8');
  const missing = async (f: string) => !(await stat(f).catch(() => null))?.size;
  if (await missing(files.gb18030)) await writeFile(files.gb18030, gb18030Encoder()(text));
  if (await missing(files.utf16le)) await writeFile(files.utf16le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  return files;
}
