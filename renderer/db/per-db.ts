import type { Db } from '../../shared/db';

/** Makes `make(db)` once per database and hands the same object to every caller (charts, screens). */
export function perDb<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = make(db);
      made.set(db, value);
    }
    return value;
  };
}
