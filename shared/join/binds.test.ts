import { describe, expect, it } from 'vitest';
import type { JoinDef } from '../model/join';
import { bindableJoins, joinReads } from './binds';

const def = (name: string, left: string, right: string, cols: [side: 'left' | 'right', column: string][], year = false): JoinDef => ({
  name,
  left: { table: left, region: '地区', ...(year ? { year: '年份' } : {}) },
  right: { table: right, region: 'region', ...(year ? { year: 'year' } : {}) },
  how: 'left',
  pairs: [],
  noMatch: [],
  columns: cols.map(([side, column]) => ({ side, column, name: `${side}_${column}` })),
  units: {},
  note: '',
  createdAt: '2026-12-01 00:00:00',
});

const tables: Record<string, string[]> = { 人口: ['地区', '年份', '常住人口'], orgs: ['Region', 'YEAR', 'count'] };
const columnsOf = (t: string) => tables[t];

describe('which combined tables can be made again over the tables a project brings', () => {
  it('reads the region, year and chosen columns of both sides', () => {
    expect(joinReads(def('v', '人口', 'orgs', [['left', '常住人口'], ['right', 'count']], true))).toEqual([
      ['人口', ['地区', '年份', '常住人口']],
      ['orgs', ['region', 'year', 'count']],
    ]);
  });

  it('keeps joins whose columns exist (names without case), in order, a join over an earlier join included', () => {
    const a = def('a', '人口', 'orgs', [['left', '常住人口'], ['right', 'count']], true);
    const b = def('b', '人口', 'a', [['right', 'right_count']]);
    b.right.region = 'left_常住人口';
    const { ok, broken } = bindableJoins([a, b], columnsOf);
    expect([ok.map((j) => j.name), broken.map((j) => j.name)]).toEqual([['a', 'b'], []]);
  });

  it('sets aside a join that reads a missing column or table, and every join that reads it', () => {
    const a = def('a', '人口', 'orgs', [['right', 'gone']]);
    const b = def('b', '人口', 'a', [['right', 'right_gone']]);
    b.right.region = 'right_gone';
    const c = def('c', '人口', '没有这张表', [['right', 'x']]);
    const d = def('d', '人口', 'orgs', [['left', '常住人口']]);
    const { ok, broken } = bindableJoins([a, b, c, d], columnsOf);
    expect([ok.map((j) => j.name), broken.map((j) => j.name)]).toEqual([['d'], ['a', 'b', 'c']]);
  });
});
