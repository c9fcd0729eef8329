import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';

/** The engine passes behind a statistic, each openable in the SQL console. */
export function SqlDetails({ sql }: { sql: readonly string[] }) {
  const { t } = useLang();
  const wb = useWorkbench();
  return (
    <details className="chart-sql">
      <summary>{t('builder.sql')}</summary>
      {sql.map((s, i) => (
        <div key={i}>
          <pre>{s}</pre>
          <button type="button" onClick={() => wb.openSql(s)}>
            {t('builder.openSql')}
          </button>
        </div>
      ))}
    </details>
  );
}
