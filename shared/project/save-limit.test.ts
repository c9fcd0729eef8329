import { describe, expect, it } from 'vitest';
import { MAX_IPC_FILE_BYTES, parseSaveProjectRequest } from '../desktop-api';
import { translator } from '../i18n';
import { oversizedSave } from './save-limit';

describe('oversizedSave', () => {
  // Views of one 64 MiB buffer add up past the limit without allocating a gigabyte.
  const block = new Uint8Array(64 * 1024 * 1024);
  const pieces = (n: number, extra = 0) => [...Array.from({ length: n }, () => block), new Uint8Array(extra)];

  it('lets a file at exactly the limit through, as the shell does', () => {
    const parts = pieces(MAX_IPC_FILE_BYTES / block.byteLength);
    expect(oversizedSave(parts)).toBeUndefined();
    expect(() => parseSaveProjectRequest({ parts, suggestedName: 'a.sgwp' })).not.toThrow();
  });

  it('refuses one byte more, in MB, where the shell would refuse with an English payload error', () => {
    const parts = pieces(MAX_IPC_FILE_BYTES / block.byteLength, 1);
    expect(oversizedSave(parts)).toEqual({ size: 1025, limit: 1024 });
    expect(() => parseSaveProjectRequest({ parts, suggestedName: 'a.sgwp' })).toThrow();
  });

  it('says so in both languages with the sizes', () => {
    const params = { size: 1300, limit: 1024 };
    expect(translator('zh-CN')('project.saveTooLarge', params)).toMatch(/1300 MB.*1024 MB/);
    expect(translator('en')('project.saveTooLarge', params)).toMatch(/1300 MB.*1024 MB/);
  });
});
