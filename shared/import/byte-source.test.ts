/** Sources in memory read as views, not copies; a file's byte-order mark is skipped either way. */
import { describe, expect, it } from 'vitest';
import { blobPieces, memorySource, skipSource, type ByteSource } from './byte-source';
import { describeImportError } from './messages';
import { translator } from '../i18n';

const readInPieces = (b: Uint8Array): ByteSource => ({ size: b.length, read: (from, to) => b.slice(from, Math.min(to, b.length)) });

describe('byte sources', () => {
  it('reads memory as views and skips a byte-order mark without a copy', () => {
    const b = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x62, 0x63]);
    const s = skipSource(memorySource(b), 3);
    expect(s.size).toBe(3);
    expect(s.read(0, 99).buffer).toBe(b.buffer);
    expect([...s.read(1, 3)]).toEqual([0x62, 0x63]);
    const piecewise = skipSource(readInPieces(b), 3);
    expect([...piecewise.read(0, 99)]).toEqual([0x61, 0x62, 0x63]);
    expect(piecewise.whole).toBeUndefined();
  });

  it('reads a File by slices, and says in words when the file went away after it was chosen', async () => {
    const blob = new Blob(['\ufeff名称,数量\n甲,1\n']);
    const pieces = blobPieces(blob, 3);
    expect(new TextDecoder().decode(await pieces.read(0, 99))).toBe('名称,数量\n甲,1\n');
    // The platform's own error for a file moved or rewritten since it was picked (English, engine-like text).
    const gone = { size: 10, slice: () => ({ arrayBuffer: () => Promise.reject(new DOMException('The requested file could not be read, typically due to permission problems', 'NotReadableError')) }) };
    const err = await Promise.resolve(blobPieces(gone as unknown as Blob).read(0, 5)).catch((e: unknown) => e);
    expect(describeImportError(err, translator('zh-CN'))).toBe('文件已无法读取：选择之后它可能被移动、改名、删除或改写。请重新选择文件；工作区没有改变。');
    expect(describeImportError(err, translator('en'))).toMatch(/^The file can no longer be read/);
  });
});
