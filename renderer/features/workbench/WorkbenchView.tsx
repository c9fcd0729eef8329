import { useMemo } from 'react';
import { baseTable } from '../../../shared/db-catalog';
import { useWorkbench } from '../../workbench-context';
import { CatalogPanel } from '../catalog';
import { StarterChart } from '../overview';
import { SqlConsole } from '../sql-console';

/** The first screen: tables, SQL console and a chart side by side. */
export function WorkbenchView() {
  const { db, catalog, tables, openSql } = useWorkbench();
  // SQL sees the tables as they are: calculated fields are columns of charts and analyses, not of the database.
  const sqlTables = useMemo(() => tables.map(baseTable), [tables]);
  return (
    <div className="workbench">
      <CatalogPanel tables={sqlTables} catalog={catalog} onPick={openSql} />
      <SqlConsole db={db} tables={sqlTables} />
      <StarterChart onOpenSql={openSql} />
    </div>
  );
}
