import { useState } from 'react';
import { newPivotSpec } from '../../../shared/model/pivot-spec';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { useDocument } from '../../workspace';
import { PivotPanel } from './PivotPanel';
import { StatsPanel } from './StatsPanel';
import './analysis.css';

type Tool = 'pivot' | 'stats';

/** 分析: a table (or view) analysed without SQL — 数据透视表 and 统计 — each with its SQL visible. */
export function AnalysisView() {
  const { t } = useLang();
  const { tables } = useWorkbench();
  const [tool, setTool] = useState<Tool>('pivot');
  // The pivot as last edited stays with this browser profile (the workspace store parses it on every read).
  const [spec, setSpec] = useDocument('pivotDraft');
  const name = spec?.table ?? tables[0]?.name;
  const table = tables.find((x) => x.name === name);
  const current = spec ?? (table ? newPivotSpec(table.name) : null);

  return (
    <div className="analysis">
      {/* The screen's heading level for the tools' h3 sections (the tab strip names the tool visibly). */}
      <h2 className="sr-only">{t(`analysis.tab.${tool}`)}</h2>
      <div className="analysis-bar">
        <label>
          {t('analysis.table')}
          <select value={table?.name ?? ''} onChange={(e) => setSpec(newPivotSpec(e.target.value))}>
            {tables.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <div role="tablist" aria-label={t('analysis.tools')}>
          {(['pivot', 'stats'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tool === k} onClick={() => setTool(k)}>
              {t(`analysis.tab.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {spec && !table && tables.length > 0 ? (
        // The pivot's table was deleted (or belongs to another project): say so, the picker above starts afresh.
        <p role="alert">{t('chart.noTable', { table: spec.table })}</p>
      ) : !table || !current ? (
        <p className="muted">{t('analysis.noTable')}</p>
      ) : tool === 'pivot' ? (
        <PivotPanel table={table} spec={current} update={(next) => void setSpec(next)} />
      ) : (
        <StatsPanel key={table.name} table={table} />
      )}
    </div>
  );
}
