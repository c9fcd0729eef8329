import { describe, expect, it } from 'vitest';
import { MAX_IPC_FILE_BYTES, MAX_MESSAGE_BYTES } from '../desktop-api';
import { parseAppendProjectSaveRequest } from '../desktop-sessions';
import { translator } from '../i18n';
import { MAX_UNPACKED_BYTES } from './archive';
import { MAX_PROJECT_BYTES, oversizedFile, oversizedSave } from './save-limit';
import { messagesOf } from './transfer';

describe('oversizedSave', () => {
  // Views of one 64 MiB buffer add up past the limits without allocating gigabytes.
  const block = new Uint8Array(64 * 1024 * 1024);
  const pieces = (bytes: number, extra = 0) => [...Array.from({ length: bytes / block.byteLength }, () => block), new Uint8Array(extra)];

  it('no longer stops at the IPC limit: a project over 1 GiB goes to the shell in messages it accepts', () => {
    const parts = pieces(MAX_IPC_FILE_BYTES, 1);
    expect(oversizedSave(parts)).toBeUndefined();
    const messages = messagesOf(parts);
    expect(messages.length).toBe(MAX_IPC_FILE_BYTES / MAX_MESSAGE_BYTES + 1);
    for (const m of messages) expect(() => parseAppendProjectSaveRequest({ sessionId: 'a'.repeat(32), parts: m })).not.toThrow();
  });

  it('the limit left is what opening accepts: exactly it passes, one byte more is refused in MB', () => {
    expect(MAX_PROJECT_BYTES).toBe(MAX_UNPACKED_BYTES);
    expect(oversizedSave(pieces(MAX_PROJECT_BYTES))).toBeUndefined();
    expect(oversizedSave(pieces(MAX_PROJECT_BYTES, 1))).toEqual({ size: 3073, limit: 3072 });
    expect(oversizedFile(MAX_PROJECT_BYTES)).toBeUndefined();
    expect(oversizedFile(MAX_PROJECT_BYTES + 1)).toEqual({ size: 3073, limit: 3072 });
  });

  it('says so in both languages with the sizes and the reason', () => {
    const params = { size: 3300, limit: 3072 };
    expect(translator('zh-CN')('project.saveTooLarge', params)).toMatch(/3300 MB.*3072 MB.*数据库引擎/);
    expect(translator('en')('project.saveTooLarge', params)).toMatch(/3300 MB.*3072 MB.*database engine/);
  });
});
