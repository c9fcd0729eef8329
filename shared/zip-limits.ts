/**
 * Size limits for zip containers (projects, xlsx/xlsb/ods), judged from the central directory alone —
 * before a single byte is inflated. One implementation for every zip the app opens.
 */
import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';

/** Deflate cannot expand more than ~1032:1: a larger claimed size is a damaged or forged header, not data. */
export const MAX_DEFLATE_RATIO = 1100;

export interface ZipLimits {
  /** Largest inflated size one entry may declare. */
  maxEntry: (name: string) => number;
  /** Largest inflated size of all entries together. */
  maxTotal: number;
}

export class ZipLimitError extends Error {
  constructor(
    readonly reason: 'entry' | 'total',
    /** The entry that broke the limit ('total': the one that crossed it). */
    readonly entry: string,
    readonly declared: number,
  ) {
    super(reason === 'entry' ? `${entry}: impossible size` : 'archive too large when unpacked');
    this.name = 'ZipLimitError';
  }
}

/** A filter for fflate's unzip that throws ZipLimitError as soon as an entry's declared sizes break a limit. */
export function zipSizeGuard(fileSize: number, limits: ZipLimits): (f: UnzipFileInfo) => void {
  let total = 0;
  return (f) => {
    if (f.size > fileSize || f.originalSize > limits.maxEntry(f.name) || f.originalSize > f.size * MAX_DEFLATE_RATIO + 65_536) {
      throw new ZipLimitError('entry', f.name, f.originalSize);
    }
    total += f.originalSize;
    if (total > limits.maxTotal) throw new ZipLimitError('total', f.name, total);
  };
}

/**
 * Checks every entry's declared sizes without inflating anything. Readers that inflate afterwards must not
 * trust those sizes further than this: fflate's unzip allocates exactly the declared size.
 */
export function checkZipSizes(bytes: Uint8Array, limits: ZipLimits): void {
  const guard = zipSizeGuard(bytes.length, limits);
  unzipSync(bytes, {
    filter: (f) => {
      guard(f);
      return false;
    },
  });
}

/**
 * Checks what entries really inflate to, for readers that ignore the declared sizes (SheetJS inflates an
 * entry to its end whatever its header says). Streams: each chunk is counted and dropped, and inflating
 * stops at the first limit crossed. Entries too small to reach a limit even at deflate's largest ratio are
 * skipped, so a normal workbook pays for inflating its large parts only.
 */
export function checkInflatedSizes(bytes: Uint8Array, limits: ZipLimits): void {
  let total = 0;
  let bound = 0;
  const unzip = new Unzip((file) => {
    const limit = limits.maxEntry(file.name);
    const most = file.size === undefined ? Infinity : file.size * MAX_DEFLATE_RATIO + 65_536;
    if (most <= limit && bound + most <= limits.maxTotal) {
      bound += most;
      return;
    }
    let n = 0;
    file.ondata = (err, chunk) => {
      if (err) throw err;
      n += chunk.length;
      total += chunk.length;
      if (n > limit) throw new ZipLimitError('entry', file.name, n);
      if (total + bound > limits.maxTotal) throw new ZipLimitError('total', file.name, total + bound);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
}
