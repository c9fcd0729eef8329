import { describe, expect, it } from 'vitest';
import { isSafeFileName } from '../desktop-api';
import { safeFileName } from './file-name';

describe('safeFileName', () => {
  it('maps reserved characters to _ and keeps Chinese', () => {
    expect(safeFileName('上海/浦东: 社会组织*统计?', 'xlsx')).toBe('上海_浦东_ 社会组织_统计_.xlsx');
    expect(safeFileName('a\u0000b\nc', 'csv')).toBe('a_b_c.csv');
  });

  it('never yields empty, dot-only, device or over-long names', () => {
    expect(safeFileName('', 'png', '导出')).toBe('导出.png');
    expect(safeFileName('...', 'png')).toBe('export.png');
    expect(safeFileName('CON', 'csv')).toBe('_CON.csv');
    const long = safeFileName('统'.repeat(500), 'xlsx');
    expect(long.length).toBe(200);
    for (const n of [long, safeFileName('../../etc/passwd', 'svg'), safeFileName(' .hidden. ', 'svg')]) expect(isSafeFileName(n)).toBe(true);
    expect(safeFileName('../../etc/passwd', 'svg')).toBe('_.._etc_passwd.svg');
  });
});
