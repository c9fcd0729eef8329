import { describe, expect, it } from 'vitest';
import { blobPiece, isBlobPiece, pieceReader } from './blob-piece';

/** Bytes whose every position is told apart (mod 251, a prime: no piece boundary lines up with the pattern). */
const patterned = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251);

describe('pieceReader: a File slice read on the engine thread into one kept buffer', () => {
  it('reads each piece exactly, in one buffer reused from piece to piece', async () => {
    const bytes = patterned(3_000_017);
    const blob = new Blob([bytes]);
    const read = pieceReader();
    const cuts = [0, 7, 1_048_583, 2_000_000, 2_999_999, 3_000_017];
    const buffers = new Set<ArrayBufferLike>();
    for (let j = 0; j + 1 < cuts.length; j++) {
      const piece = await read(blobPiece(blob, cuts[j], cuts[j + 1]));
      expect(piece.byteLength).toBe(cuts[j + 1] - cuts[j]);
      expect(Buffer.from(piece).equals(Buffer.from(bytes.subarray(cuts[j], cuts[j + 1])))).toBe(true);
      buffers.add(piece.buffer);
    }
    // The 7-byte piece's buffer (9 bytes) is outgrown by the 1 MB piece; the buffer made then (1.25× its size)
    // is kept: each read hands it back under a new wrapper and detaches the one before, so those earlier
    // wrappers are empty and the last one is that buffer (a piece read into a new buffer would leave them whole).
    const wrappers = [...buffers];
    expect(wrappers.at(-1)!.byteLength).toBe(Math.ceil(1_048_576 * 1.25));
    expect(wrappers.slice(0, -1).map((b) => b.byteLength)).toEqual([Math.ceil(7 * 1.25), 0, 0, 0]);
  });

  it('an empty piece and a piece past the end read as what is there', async () => {
    const blob = new Blob([patterned(100)]);
    const read = pieceReader();
    expect((await read(blobPiece(blob, 50, 50))).byteLength).toBe(0);
    expect([...(await read(blobPiece(blob, 90, 500)))]).toEqual([...patterned(100).subarray(90)]);
  });

  it('refuses a piece it cannot read whole, and the reader still reads the next one', async () => {
    const read = pieceReader();
    // A stream that ends early: the File shrank after it was chosen.
    const short = { size: 1000, slice: () => new Blob([patterned(10)]) } as unknown as Blob;
    await expect(read({ sgwBlob: short, from: 0, to: 1000 })).rejects.toThrow('shorter');
    const blob = new Blob([patterned(64)]);
    expect([...(await read(blobPiece(blob, 0, 64)))]).toEqual([...patterned(64)]);
  });

  it('tells its placeholder from any other registration', () => {
    const blob = new Blob(['x']);
    expect(isBlobPiece(blobPiece(blob, 0, 1))).toBe(true);
    for (const other of [new Uint8Array(4), null, undefined, 'x', { sgwBlob: 'x', from: 0, to: 1 }, { sgwBlob: blob, from: '0', to: 1 }, { sgwBlob: blob, from: 0 }]) expect(isBlobPiece(other)).toBe(false);
  });
});
