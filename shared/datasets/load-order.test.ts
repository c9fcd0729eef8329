import { describe, expect, it } from 'vitest';
import { firstPart } from './load';

const views = [
  'CREATE OR REPLACE VIEW a_wide AS SELECT * FROM t_a',
  'CREATE OR REPLACE VIEW b_over_a AS SELECT x FROM a_wide JOIN t_b USING (k)',
  'CREATE VIEW "c_alone" AS SELECT * FROM t_c',
  'CREATE OR REPLACE VIEW t_a_extra AS SELECT * FROM t_d',
];
const tables = ['t_a', 't_b', 't_c', 't_d'];

describe('firstPart (what the first chart needs loaded first)', () => {
  it('follows a view to the views and tables it reads, views in the file order', () => {
    const part = firstPart(tables, views, ['b_over_a']);
    expect([...part.tables].sort()).toEqual(['t_a', 't_b']);
    expect(part.statements).toEqual([views[0], views[1]]);
  });

  it('takes a table alone, and whole words only (t_a is not t_a_extra)', () => {
    expect(firstPart(tables, views, ['a_wide'])).toEqual({ tables: new Set(['t_a']), statements: [views[0]] });
    expect(firstPart(tables, views, ['t_c'])).toEqual({ tables: new Set(['t_c']), statements: [] });
    expect(firstPart(tables, views, ['c_alone']).tables).toEqual(new Set(['t_c']));
  });

  it('needs nothing when nothing is asked for first', () => {
    expect(firstPart(tables, views, [])).toEqual({ tables: new Set(), statements: [] });
  });
});
