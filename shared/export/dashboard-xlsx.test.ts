import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledDb } from '../../tests/fixtures/bundled-db';
import { inspectXlsx } from '../../tests/fixtures/export/inspect-xlsx';
import { casesDashboard, shanghaiDashboard } from '../charts/ready-dashboards';
import { runChart } from '../charts/run-chart';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import type { DatasetCatalog } from '../model/catalog';
import type { ReadyDashboard } from '../charts/ready-dashboards';
import { needsPicture } from './chart-kinds';
import { dashboardToXlsx } from './xlsx-chart';

/** A real 1×1 PNG standing in for the renderer's picture of a map. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

describe('a ready dashboard exported as one workbook', () => {
  let db: Db;
  let catalog: DatasetCatalog;
  beforeAll(async () => {
    ({ db, catalog } = await openBundledDb());
  });
  afterAll(() => db.close());

  async function cardsOf(dashboard: ReadyDashboard) {
    const out = [];
    for (const card of dashboard.cards) {
      const run = await runChart(db, card.spec, { table: (await describeTable(db, card.spec.table))!, catalog, lang: 'zh-CN' });
      if (run.status !== 'ready') throw new Error(`${card.id}: ${run.status}`);
      out.push({ data: run.data, ...(needsPicture(run.data.kind) ? { picture: PNG } : {}) });
    }
    return out;
  }

  it('has one native chart per card whose cached numbers are the query results', async () => {
    const dashboard = shanghaiDashboard('zh-CN');
    const charts = await cardsOf(dashboard);
    const { charts: parts, pictures } = inspectXlsx(dashboardToXlsx(charts, { lang: 'zh-CN' }));
    expect(parts).toHaveLength(dashboard.cards.length);
    expect(pictures).toEqual([]);
    const staff = charts.findIndex((c) => c.data.categories.join() === '2007,2013');
    expect(parts[staff].series.map((s) => s.numCache)).toEqual([
      [4.4, 14.31],
      [8.1, 5.72],
    ]);
    // Every table head is a label a reader understands, never a view's column name (metric).
    expect(charts.map((c) => c.data.categoryLabel).filter((l) => /^[a-z_]+$/.test(l))).toEqual([]);
    // The donut card is a native doughnut.
    expect(parts[dashboard.cards.findIndex((c) => c.spec.kind === 'donut')].xml).toContain('<c:doughnutChart>');
  });

  it('puts the map card in as its picture and every other card as a native chart', async () => {
    const dashboard = casesDashboard('zh-CN');
    const x = inspectXlsx(dashboardToXlsx(await cardsOf(dashboard), { lang: 'zh-CN' }));
    const maps = dashboard.cards.filter((c) => c.spec.kind === 'map');
    expect(maps).toHaveLength(1);
    expect(x.pictures).toHaveLength(1);
    expect(x.charts).toHaveLength(dashboard.cards.length - 1);
    // The map's sheet holds its numbers, not a bar chart of them.
    const mapSheet = `xl/worksheets/sheet${dashboard.cards.indexOf(maps[0]) + 2}.xml`;
    expect(x.pictures[0].sheetPath).toBe(mapSheet);
    expect(x.charts.map((c) => c.sheetPath)).not.toContain(mapSheet);
  });
});
