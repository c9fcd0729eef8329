import { afterEach, describe, expect, it, vi } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { openNodeDb } from '../electron/cli/node-db';
import { reserveHeapFor } from './db';

const MiB = 1024 ** 2;

describe('reserveHeapFor', () => {
  const heap = (size: number) => {
    const calls: string[] = [];
    return { calls, size: () => size, malloc: (n: number) => (calls.push(`malloc ${n / MiB}`), n === 100 * MiB ? 0 : 8), free: (p: number) => void calls.push(`free ${p}`) };
  };

  it('reserves three times the stream in a smaller heap, once, freeing the block at once; at most 1 GiB', () => {
    const h = heap(16 * MiB);
    reserveHeapFor(h, 10 * MiB);
    reserveHeapFor(h, 600 * MiB);
    expect(h.calls).toEqual(['malloc 30', 'free 8', 'malloc 1024', 'free 8']);
  });

  it('leaves a small stream, and a heap that is big enough already, alone', () => {
    const h = heap(300 * MiB);
    reserveHeapFor(h, 7 * MiB);
    reserveHeapFor(h, 100 * MiB);
    expect(h.calls).toEqual([]);
    // 1 GiB at most, so a heap bigger than that is left alone whatever the stream.
    const big = heap(1100 * MiB);
    reserveHeapFor(big, 600 * MiB);
    expect(big.calls).toEqual([]);
  });

  it('frees nothing when the engine has no room (malloc gives 0)', () => {
    const h = heap(50 * MiB);
    reserveHeapFor(h, (100 / 3) * MiB);
    expect(h.calls).toEqual(['malloc 100']);
  });
});

describe('a bulk insert on the real engine', () => {
  afterEach(() => vi.restoreAllMocks());

  it('grows a fresh engine’s memory once, up front, not step by step; a second insert reuses what the first freed', async () => {
    const n = 1_500_000;
    const ipc = tableToIPC(tableFromArrays({ x: Float64Array.from({ length: n }, (_, i) => i * 0.5), k: Int32Array.from({ length: n }, (_, i) => i % 97) }), 'stream');
    expect(ipc.byteLength).toBeGreaterThan(16 * MiB);
    const db = await openNodeDb();
    try {
      const grow = vi.spyOn(WebAssembly.Memory.prototype, 'grow');
      await db.insertArrow('big', ipc);
      // Without the reservation the heap grows in 20 % steps: five times for this insert.
      expect(grow.mock.calls.length).toBe(1);
      const t = await db.query('SELECT count(*)::INTEGER AS n, sum(k)::DOUBLE AS k, max(x) AS x FROM big');
      expect(t.get(0)!.toJSON()).toEqual({ n, k: Array.from({ length: n }, (_, i) => i % 97).reduce((a, b) => a + b, 0), x: (n - 1) * 0.5 });
      await db.exec('DROP TABLE big');
      await db.insertArrow('again', ipc);
      // A reservation in a heap that is big enough, but with its free space in pieces, would grow it again.
      expect(grow.mock.calls.length).toBe(1);
      expect((await db.query('SELECT count(*)::INTEGER AS n FROM again')).get(0)!.toJSON()).toEqual({ n });
    } finally {
      await db.close();
    }
  });
});
