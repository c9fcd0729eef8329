import { describe, expect, it } from 'vitest';
import { isUnitLine, splitUnit, tableUnit, unitOnly, unitsIn } from './units';

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

describe('units lines', () => {
  it('reads the units a 单位 line names, one or several', () => {
    expect(unitsIn('单位：家、万人')).toEqual(['家', '万人']);
    expect(unitsIn('计量单位：万元')).toEqual(['万元']);
    expect(unitsIn('（单位:个）')).toEqual(['个']);
    expect(unitsIn('表 5-3 各地区社会组织（单位：个）')).toEqual(['个']);
    expect(unitsIn('单位组织')).toBeNull();
    expect(isUnitLine('单位：家、万人')).toBe(true);
    expect(isUnitLine('表 5-3（单位：个）')).toBe(false);
  });

  it('gives a table unit only when the line names one unit', () => {
    expect(tableUnit(['表 1', '单位：家、万人'])).toBeUndefined();
    expect(tableUnit(['单位：万元  2014年'])).toBe('万元');
    expect(splitUnit('社会组织总数(家)')).toEqual({ name: '社会组织总数', unit: '家' });
  });
});
