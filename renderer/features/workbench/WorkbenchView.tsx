import { useWorkbench } from '../../workbench-context';
import { CatalogPanel } from '../catalog';
import { StarterChart } from '../overview';
import { SqlConsole } from '../sql-console';

/** The first screen: tables, SQL console and a chart side by side. */
export function WorkbenchView() {
  const { db, catalog, tables, openSql } = useWorkbench();
  return (
    <div className="workbench">
      <CatalogPanel tables={tables} catalog={catalog} onPick={openSql} />
      <SqlConsole db={db} tables={tables} />
      <StarterChart onOpenSql={openSql} />
    </div>
  );
}
