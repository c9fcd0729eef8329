import { useWorkbench } from '../../workbench-context';
import { CatalogPanel } from '../catalog/CatalogPanel';
import { StarterChart } from '../overview/StarterChart';
import { SqlConsole } from '../sql-console/SqlConsole';

/** The first screen: tables, SQL console and a chart side by side. */
export function WorkbenchView({ incoming }: { incoming?: { sql: string; nonce: number } }) {
  const { db, catalog, tables, refreshTables, openSql } = useWorkbench();
  return (
    <div className="workbench">
      <CatalogPanel tables={tables} catalog={catalog} onPick={openSql} />
      <SqlConsole db={db} tables={tables} incoming={incoming} onSchemaChange={refreshTables} />
      <StarterChart onOpenSql={openSql} />
    </div>
  );
}
