import { describe, expect, it } from 'vitest';
import { splitUnit, tableUnit, unitOnly } from './units';

describe('units', () => {
  it('splits units out of header text with either bracket style', () => {
    expect(splitUnit('人数(万人)')).toEqual({ name: '人数', unit: '万人' });
    expect(splitUnit('金额（亿元）')).toEqual({ name: '金额', unit: '亿元' });
    expect(splitUnit('占比(%)')).toEqual({ name: '占比', unit: '%' });
    expect(splitUnit('地区(省份)')).toEqual({ name: '地区(省份)' });
    expect(splitUnit('年份')).toEqual({ name: '年份' });
  });

  it('recognises a bare unit cell and a table unit line', () => {
    expect(unitOnly('（个）')).toBe('个');
    expect(unitOnly('万人次')).toBe('万人次');
    expect(unitOnly('单位：亿元')).toBe('亿元');
    expect(unitOnly('上海')).toBeNull();
    expect(tableUnit(['2014年社会组织情况', '单位：个'])).toBe('个');
    expect(tableUnit(['无单位'])).toBeUndefined();
  });
});
