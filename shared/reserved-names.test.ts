import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../electron/cli/node-db';
import type { Db } from './db';
import { importIntoDb } from './import/commit';
import { newChartSpec, parseChartSpec } from './model/chart-spec';
import { isReservedName } from './reserved-names';

const RESERVED = ['_sgw_meta', '__sgw_x', 'sgw_meta', 'SGW_ROLLUP', 'sgw_rollup', '__sgw_open_0', '__sgw_import_ab12', '__sgw_rows', '___Sgw_'];
const FREE = ['sgw', 'sgwdata', '_sgwx', 'my_sgw_x', '社区问卷', 'xsgw_', 'sgw-data', ''];

describe('one reserved prefix for internal names', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(async () => db.close());

  it('covers every name the app uses for itself, and nothing else', () => {
    for (const name of RESERVED) expect(isReservedName(name), name).toBe(true);
    for (const name of FREE) expect(isReservedName(name), name).toBe(false);
  });

  it('import refuses reserved table names', async () => {
    const csv = new TextEncoder().encode('a,b\n1,2\n');
    for (const name of ['sgw_meta', '__sgw_x', '_sgw_meta']) {
      await expect(importIntoDb(db, csv, 'x.csv', { tableNames: [name] }), name).rejects.toMatchObject({ key: 'import.err.badTableName' });
    }
    await importIntoDb(db, csv, 'x.csv', { tableNames: ['sgwdata'] });
  });

  it('chart specs (saved charts, dashboards, decks, projects) may not name an internal table', () => {
    for (const name of RESERVED) expect(() => parseChartSpec(newChartSpec(name, 'x')), name).toThrow(/internal/);
    expect(parseChartSpec(newChartSpec('sgwdata', 'x')).table).toBe('sgwdata');
  });
});
