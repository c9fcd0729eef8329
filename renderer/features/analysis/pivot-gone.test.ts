import { describe, expect, it } from 'vitest';
import type { TableInfo } from '../../../shared/db-catalog';
import { translator } from '../../../shared/i18n';
import { SAMPLE_PIVOT } from '../../../tests/fixtures/projects/sample-workspace';
import { pivotGone } from './pivot-gone';

const table = (names: string[]): TableInfo => ({ name: '年度_指标', kind: 'table', rows: 12, columns: names.map((name) => ({ name, type: 'DOUBLE' })) }) as TableInfo;
const zh = translator('zh-CN');

describe('a kept pivot whose data changed', () => {
  it('names the deleted table, then the first column that is gone (rows, columns, values and filters all count)', () => {
    expect(pivotGone(SAMPLE_PIVOT, [], zh)).toBe('数据表「年度_指标」已不存在，这个透视表无法显示。请重新导入该表，或在“分析”中换一个表。');
    expect(pivotGone(SAMPLE_PIVOT, [table(['年份', '地区', '值', '大数'])], zh)).toBeNull();
    expect(pivotGone(SAMPLE_PIVOT, [table(['年份', '地区', '值'])], zh)).toMatch(/^列「大数」已不存在（数据表「年度_指标」）/);
    expect(pivotGone(SAMPLE_PIVOT, [table(['年份', '值', '大数'])], zh)).toMatch(/^列「地区」已不存在/);
    expect(pivotGone({ ...SAMPLE_PIVOT, rows: [], cols: [] }, [table(['值', '大数'])], zh)).toMatch(/^列「地区」/); // the filter's column
    expect(pivotGone(SAMPLE_PIVOT, [table(['年份', '地区', '值'])], translator('en'))).toBe(
      'The column “大数” no longer exists in the table “年度_指标”, so this pivot table cannot be shown. Pick its fields again in Analysis and save it.',
    );
  });
});
