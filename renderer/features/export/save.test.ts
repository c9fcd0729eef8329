import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveFileRequest } from '../../../shared/desktop-api';
import { translator } from '../../../shared/i18n';
import { saveExport } from './save';

const saveFile = vi.fn<(req: SaveFileRequest) => Promise<{ saved: boolean; location?: string }>>();

const t = translator('zh-CN');

describe('saveExport', () => {
  beforeEach(() => saveFile.mockReset());

  it('suggests a safe file name with the right filter and reports where it went', async () => {
    saveFile.mockResolvedValue({ saved: true, location: '/home/u/上海_浦东 统计.xlsx' });
    const bytes = new Uint8Array([1, 2]);
    await expect(saveExport({ saveFile }, '上海/浦东 统计', 'xlsx', bytes, t)).resolves.toBe('已导出：/home/u/上海_浦东 统计.xlsx');
    expect(saveFile).toHaveBeenCalledWith({ suggestedName: '上海_浦东 统计.xlsx', bytes, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
  });

  it('says so when the save dialog is cancelled, and falls back to a default name', async () => {
    saveFile.mockResolvedValue({ saved: false });
    await expect(saveExport({ saveFile }, '', 'csv', new Uint8Array(), t)).resolves.toBe('已取消导出');
    expect(saveFile.mock.calls[0][0].suggestedName).toBe('导出.csv');
  });
});
