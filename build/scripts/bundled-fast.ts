// Writes the bundled datasets' fast form (shared/datasets/fast-form.ts) into a built datasets folder:
// the CSVs loaded by the engine exactly as the app would load them, then each table as the engine's
// Arrow IPC and the table list; then the starter chart's build-time answer (shared/charts/starter-answer.ts),
// run on a second engine loaded from that fast form as the app loads it. Run by the web build (vite.config.ts):
//   node build/scripts/run-ts.mjs build/scripts/bundled-fast.ts <datasets folder> <output folder> <engine id>
// (the engine id is the one vite.config.ts gives the app: the answer is keyed by it).
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openNodeDb } from '../../electron/cli/node-db';
import { makeStarterAnswer, STARTER_ANSWER_FILE } from '../../shared/charts/starter-answer';
import { FAST_FORM_FILE, makeFastForm } from '../../shared/datasets/fast-form';
import { loadBundledDatasets } from '../../shared/datasets/load';

/** Written whole, then renamed: the app uses a file only once it is complete. */
async function writeWhole(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

async function main(): Promise<void> {
  const [fromArg, toArg, engine] = process.argv.slice(2);
  if (!engine) throw new Error('usage: bundled-fast.ts <datasets folder> <output folder> <engine id>');
  const [from, to] = [fromArg, toArg].map((p) => path.resolve(p));
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
  await writeWhole(path.join(to, FAST_FORM_FILE), JSON.stringify(form));
  // The starter chart's answer from what was just written, read as the app reads it (no CSV).
  const built = await openNodeDb();
  const readBuilt = async (p: string) => {
    if (p.endsWith('.csv')) throw new Error(`the app does not read ${p} from a built folder`);
    return new Uint8Array(await readFile(path.join(to, p)));
  };
  const answer = await makeStarterAnswer(built, readBuilt, engine);
  await built.close();
  await writeWhole(path.join(to, STARTER_ANSWER_FILE), JSON.stringify(answer));
  console.log(`${path.join(to, FAST_FORM_FILE)}: ${arrow.size} tables as Arrow, ${form.tables.length} tables and views listed; ${STARTER_ANSWER_FILE}: ${answer.answers.length} queries`);
}

void main();
