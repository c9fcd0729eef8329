import { afterEach, describe, expect, it, vi } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { openNodeDb } from '../electron/cli/node-db';
import { reserveHeapFor } from './db';

const MiB = 1024 ** 2;

describe('reserveHeapFor', () => {
  const heap = () => {
    const calls: string[] = [];
    return { calls, malloc: (n: number) => (calls.push(`malloc ${n}`), n === 42 * 3 * MiB ? 0 : 8), free: (p: number) => void calls.push(`free ${p}`) };
  };

  it('reserves three times the stream once and frees it; nothing for a small stream; at most 1 GiB', () => {
    const h = heap();
    reserveHeapFor(h, 7 * MiB);
    expect(h.calls).toEqual([]);
    reserveHeapFor(h, 10 * MiB);
    reserveHeapFor(h, 600 * MiB);
    expect(h.calls).toEqual([`malloc ${30 * MiB}`, 'free 8', `malloc ${1024 * MiB}`, 'free 8']);
  });

  it('frees nothing when the engine has no room (malloc gives 0)', () => {
    const h = heap();
    reserveHeapFor(h, 42 * MiB);
    expect(h.calls).toEqual([`malloc ${42 * 3 * MiB}`]);
  });
});

describe('a bulk insert on the real engine', () => {
  afterEach(() => vi.restoreAllMocks());

  it('grows a fresh engine’s memory once, up front, not step by step during the insert; the rows all arrive', async () => {
    const n = 1_500_000;
    const ipc = tableToIPC(tableFromArrays({ x: Float64Array.from({ length: n }, (_, i) => i * 0.5), k: Int32Array.from({ length: n }, (_, i) => i % 97) }), 'stream');
    expect(ipc.byteLength).toBeGreaterThan(16 * MiB);
    const db = await openNodeDb();
    try {
      const grow = vi.spyOn(WebAssembly.Memory.prototype, 'grow');
      await db.insertArrow('big', ipc);
      // Without the reservation the heap grows in 20 % steps: five or more times for this insert.
      expect(grow.mock.calls.length).toBe(1);
      const t = await db.query('SELECT count(*)::INTEGER AS n, sum(k)::DOUBLE AS k, max(x) AS x FROM big');
      expect(t.get(0)!.toJSON()).toEqual({ n, k: Array.from({ length: n }, (_, i) => i % 97).reduce((a, b) => a + b, 0), x: (n - 1) * 0.5 });
    } finally {
      await db.close();
    }
  });
});
