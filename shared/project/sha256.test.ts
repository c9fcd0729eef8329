import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 examples and node:crypto at every padding boundary', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    let seed = 7;
    for (const n of [1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 100_003]) {
      const bytes = Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
      expect(sha256Hex(bytes), String(n)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});

describe('crc32', () => {
  it('matches the standard check value', async () => {
    const { crc32 } = await import('./crc32');
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('matches zlib at every length around its 16-byte steps, at any offset into a buffer (aligned or not)', async () => {
    const { crc32 } = await import('./crc32');
    let seed = 11;
    const big = Uint8Array.from({ length: 70_001 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1023, 70_000]) {
      for (const at of [0, 1, 2, 3, 4, 5, 6, 7]) {
        const bytes = big.subarray(at, at + n);
        expect(crc32(bytes), `${n} bytes at ${at}`).toBe(zlibCrc32(bytes));
      }
    }
  });

  it('continues from the CRC-32 of what came before: pieces give the CRC-32 of their join, wherever they are cut', async () => {
    const { crc32, crc32Of } = await import('./crc32');
    let seed = 5;
    const big = Uint8Array.from({ length: 10_007 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    for (const cuts of [[0], [1], [7, 8], [3, 4, 5, 9000], [5000, 5000, 10_007]]) {
      const pieces = [0, ...cuts, big.length].slice(0, -1).map((from, i, all) => big.subarray(from, i + 1 < all.length ? all[i + 1] : big.length));
      expect(crc32Of(pieces), cuts.join(',')).toBe(zlibCrc32(big));
      expect(crc32(pieces.at(-1)!, crc32Of(pieces.slice(0, -1))), cuts.join(',')).toBe(zlibCrc32(big));
    }
    expect(crc32Of([])).toBe(0);
  });
});
