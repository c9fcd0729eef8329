import { runChart } from '../../../shared/charts/run-chart';
import type { Db } from '../../../shared/db';
import type { TableInfo } from '../../../shared/db-catalog';
import { needsPicture } from '../../../shared/export/chart-kinds';
import type { XlsxChart } from '../../../shared/export/xlsx-chart';
import type { Translate } from '../../../shared/i18n';
import type { DatasetCatalog, Lang } from '../../../shared/model/catalog';
import type { ChartSpec } from '../../../shared/model/chart-spec';
import { chartPng } from '../../charts/image-export';
import { screenOption } from '../../charts/screen-option';
import { coordinatorFor } from '../../db/coordinator';
import { rollupsFor } from '../../db/rollups';
import { getDesktop } from '../../desktop';
import { saveExport } from './save';

export interface ChartsDocxContext {
  db: Db;
  tables: TableInfo[];
  catalog: DatasetCatalog | null;
  lang: Lang;
  t: Translate;
}

/**
 * 导出所选图表 Word: each saved chart run now as the screen runs it (same coordinator, column types and
 * rollup), one section each in one document. A chart whose table is gone or whose query is empty is named in
 * the message instead of being dropped silently.
 */
export async function exportChartsDocx(title: string, specs: ChartSpec[], ctx: ChartsDocxContext): Promise<string> {
  const figures: XlsxChart[] = [];
  const missing: string[] = [];
  for (const spec of specs) {
    const table = ctx.tables.find((x) => x.name === spec.table);
    const run = table && (await runChart(coordinatorFor(ctx.db), spec, { table, catalog: ctx.catalog, lang: ctx.lang, rollups: rollupsFor(ctx.db) }));
    if (run?.status !== 'ready') {
      missing.push(spec.title || spec.table);
      continue;
    }
    figures.push({ data: run.data, ...(needsPicture(run.data.kind) ? { picture: chartPng(screenOption(run.data, ctx.lang), 2) } : {}) });
  }
  if (figures.length === 0) throw new Error(ctx.t('export.docx.nothing', { charts: missing.join('、') }));
  const { chartsToDocx } = await import('../../../shared/export/docx');
  const saved = await saveExport(getDesktop(), title, 'docx', chartsToDocx({ title, figures }, { lang: ctx.lang }), ctx.t);
  return missing.length ? `${saved}${ctx.t('export.docx.skipped', { charts: missing.join('、') })}` : saved;
}
