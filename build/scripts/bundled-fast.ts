// Writes the bundled datasets' fast form (shared/datasets/fast-form.ts) into a built datasets folder:
// the CSVs loaded by the engine exactly as the app would load them, then each table as the engine's
// Arrow IPC and the table list. Run by the web build (vite.config.ts):
//   node build/scripts/run-ts.mjs build/scripts/bundled-fast.ts <datasets folder> <output folder>
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openNodeDb } from '../../electron/cli/node-db';
import { FAST_FORM_FILE, makeFastForm } from '../../shared/datasets/fast-form';
import { loadBundledDatasets } from '../../shared/datasets/load';

async function main(): Promise<void> {
  const [from, to] = process.argv.slice(2).map((p) => path.resolve(p));
  const db = await openNodeDb();
  // From the CSVs only: a fast form already in `from` is never the source of another.
  const read = async (p: string) => {
    if (p === FAST_FORM_FILE) throw new Error('the CSVs are the source');
    return new Uint8Array(await readFile(path.join(from, p)));
  };
  const { catalog } = await loadBundledDatasets(db, read);
  const { form, arrow } = await makeFastForm(db, catalog);
  await db.close();
  for (const [name, bytes] of arrow) await writeFile(path.join(to, name), bytes);
  // Written last and whole: the app uses the Arrow files only once fast.json names them.
  await writeFile(path.join(to, `${FAST_FORM_FILE}.tmp`), JSON.stringify(form));
  await rename(path.join(to, `${FAST_FORM_FILE}.tmp`), path.join(to, FAST_FORM_FILE));
  console.log(`${path.join(to, FAST_FORM_FILE)}: ${arrow.size} tables as Arrow, ${form.tables.length} tables and views listed`);
}

void main();
