/**
 * The wasm engine carries only its core functions. Anything in the json, parquet, icu, excel or httpfs
 * extensions would be downloaded on first use — offline that statement hangs (40 s and more). So every
 * connection is opened with auto-install and auto-load off, and statements that load an extension (LOAD,
 * INSTALL, FORCE INSTALL) or SET/RESET/PRAGMA an extension setting are refused before they reach the
 * engine, judged on its own lexer's tokens. (lock_configuration would also refuse every other SET.)
 * The engine then answers a missing function at once with "… exists in the json extension", which toDbError
 * turns into the 'offline' kind.
 *
 *
 * Auto-load off is not enough for the icu extension: binding a time-zone function (date_part or year on
 * now(), AT TIME ZONE, timezone(), age(), date_trunc on TIMESTAMPTZ) installs icu whatever those settings say.
 * The app's engine runs with enable_external_access off (CLOSED_FILE_SYSTEM_SQL), which refuses that install
 * at once; without it the browser build asked extensions.duckdb.org and broke ("function signature
 * mismatch"). `sgw` keeps its file system (`sgw query "… read_csv('/path/x.csv')"`), so there a stand-in
 * answers the download (electron/cli/node-db.ts). Either way the engine fails with "Extension Autoloading
 * Error … 'icu'", also 'offline'.
 */
import { DbError, SQL_TOKEN, type SqlTokens } from '../db';
import { byteIndex } from './mutation';

/** Run once on every new database, before any user SQL. */
export const OFFLINE_SETTINGS_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET allow_community_extensions = false',
];

/** The one folder the app registers files under (shared/datasets/load.ts): readable with the file system closed. */
export const REGISTERED_FILES = 'bundled/';

/**
 * The app's engine has no files of its own to reach: its file system is closed but for REGISTERED_FILES.
 * Run after OFFLINE_SETTINGS_SQL, in this order (allowed_directories cannot change once it is closed), and
 * it cannot be opened again.
 */
export const CLOSED_FILE_SYSTEM_SQL = [`SET allowed_directories = ['${REGISTERED_FILES}']`, 'SET enable_external_access = false'];

/** Statement-leading keywords that ask the engine to fetch or load an extension. */
const LOADING_STARTS = new Set(['LOAD', 'INSTALL', 'FORCE']);

/** Cheap pre-filter: only scripts that contain one of the words are lexed. */
const MAY_LOAD = /\b(load|install|force|autoload\w*|autoinstall\w*|\w*extension\w*)\b/i;
/** SET/RESET/PRAGMA of these settings would turn downloading back on (the configuration is not locked: users may SET others). */
const SETTING_STARTS = new Set(['SET', 'RESET', 'PRAGMA']);
const EXTENSION_SETTING = /^[^;]*\b(autoload\w*|autoinstall\w*|\w*extension\w*)/i;

/**
 * Throws DbError('offline') when a statement of `sql` starts with LOAD/INSTALL/FORCE, judged on the
 * engine's tokens (so the words inside strings, comments or identifiers do not count).
 */
export async function refuseExtensionLoads(sql: string, tokenize: (sql: string) => SqlTokens | Promise<SqlTokens>): Promise<void> {
  if (!MAY_LOAD.test(sql)) return;
  const { offsets, types } = await tokenize(sql);
  const index = byteIndex(sql);
  let atStart = true;
  for (let i = 0; i < offsets.length; i++) {
    const at = index.get(offsets[i]);
    if (at === undefined) continue;
    if (types[i] === SQL_TOKEN.operator && sql[at] === ';') {
      atStart = true;
      continue;
    }
    if (!atStart) continue;
    atStart = false;
    const word = /^[A-Za-z_]+/.exec(sql.slice(at, at + 10))?.[0].toUpperCase();
    if (types[i] === SQL_TOKEN.keyword && word && SETTING_STARTS.has(word) && EXTENSION_SETTING.test(sql.slice(at))) {
      throw new DbError('offline', 'Extension loading is not available offline: settings', sql);
    }
    if (types[i] === SQL_TOKEN.keyword && word && LOADING_STARTS.has(word)) {
      const name = /^\s*(?:FORCE\s+)?(?:INSTALL|LOAD)\s+['"]?([\w.-]+)/i.exec(sql.slice(at))?.[1] ?? '';
      throw new DbError('offline', `Extension loading is not available offline: ${name || word}`, sql);
    }
  }
}
