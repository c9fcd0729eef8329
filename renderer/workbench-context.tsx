import { createContext, useContext } from 'react';
import type { Db } from '../shared/db';
import type { TableInfo } from '../shared/db-catalog';
import type { DatasetCatalog } from '../shared/model/catalog';

/** What every screen may use: the database, the bundled catalog, the live table list, and navigation. */
export interface Workbench {
  db: Db | null;
  catalog: DatasetCatalog | null;
  /** The live table list, refreshed after every data change (renderer/db/data-changes.ts). */
  tables: TableInfo[];
  /** Puts `sql` into the SQL console (its draft) and shows the workbench screen. */
  openSql(sql: string): void;
  /** Shows another screen by its view id. */
  showView(id: string): void;
}

export const WorkbenchContext = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const w = useContext(WorkbenchContext);
  if (!w) throw new Error('useWorkbench outside WorkbenchContext');
  return w;
}
