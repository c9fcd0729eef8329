import { describe, expect, it } from 'vitest';
import { mayChangeData } from './mutation';

describe('mayChangeData', () => {
  it.each([
    'CREATE TABLE t AS SELECT 1',
    '  drop view v',
    "-- 清理\nDELETE FROM t WHERE a = 'x'",
    '/* 批量 */ UPDATE t SET a = 1',
    'SELECT 1; INSERT INTO t VALUES (1)',
    'COPY t FROM \'a.csv\'',
    'WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x',
    'ALTER TABLE t RENAME TO u',
  ])('sees a change in %s', (sql) => expect(mayChangeData(sql)).toBe(true));

  it.each([
    'SELECT * FROM t',
    "SELECT 'drop table t' AS note",
    '-- delete later\nSELECT 1',
    'SELECT "update" FROM t',
    'WITH x AS (SELECT 1) SELECT * FROM x',
    'EXPLAIN SELECT 1',
  ])('sees no change in %s', (sql) => expect(mayChangeData(sql)).toBe(false));
});
