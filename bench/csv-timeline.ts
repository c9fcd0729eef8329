/**
 * Where a big CSV import's time goes, piece by piece: `node build/scripts/run-ts.mjs bench/csv-timeline.ts
 * <file.csv> [reps]`. For the proven way (sample, scan, then the engine reads the pieces) and for the scan in
 * a worker thread beside the read (stageWhileScanning), it prints when the scan announced each piece, when
 * the engine read it and at how many ms per MB, with wall and CPU time (both threads) of the whole, next to
 * the engine's own read_csv of the file. Pieces read while the scan runs cost more per MB than those after it
 * when the two threads share a core (a loaded machine): compare the rates before and after the scan's end.
 */
import { openScanThread, readFileShared } from '../electron/cli/csv-scan-thread';
import { openNodeDb } from '../electron/cli/node-db';
import type { Db } from '../shared/db';
import { finishPlan, sampleCsv, scanSample } from '../shared/import/csv-engine';
import { stageCsvPlan, stageWhileScanning, type ScanElsewhere } from '../shared/import/csv-stage';
import { registerAndRead } from './csv-memory';

interface Mark {
  at: number;
  what: string;
}

/** The real engine, with each read_csv statement's start and end noted (nothing else changes). */
function noting(db: Db, marks: Mark[], t0: () => number, mb: (sql: string) => number): Db {
  const exec = async (sql: string) => {
    const start = t0();
    await db.exec(sql);
    if (sql.includes('read_csv')) marks.push({ at: t0(), what: `read ${start}→${t0()} ms, ${((t0() - start) / mb(sql)).toFixed(1)} ms/MB` });
  };
  return { ...db, exec } as Db;
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function main() {
  const [file, reps = '2'] = process.argv.slice(2);
  const bytes = readFileShared(file);
  const db = await openNodeDb();
  const thread = await openScanThread();
  for (let rep = 0; rep < Number(reps); rep++) {
    let c = cpuMs();
    let t = performance.now();
    await registerAndRead(db, bytes);
    console.log(`\nread_csv alone: ${Math.round(performance.now() - t)} ms wall, ${Math.round(cpuMs() - c)} ms CPU`);
    for (const way of ['proven', 'beside'] as const) {
      const marks: Mark[] = [];
      const began = performance.now();
      const since = () => Math.round(performance.now() - began);
      const sizes = new Map<string, number>();
      const mb = (sql: string) => sizes.get(/'([^']+\.csv)'/.exec(sql)?.[1] ?? '') ?? 1;
      const inner: Db = { ...db, registerFile: async (name: string, b: Uint8Array) => (sizes.set(name, b.byteLength / 2 ** 20), db.registerFile(name, b)) } as Db;
      const timed = noting(inner, marks, since, mb);
      c = cpuMs();
      t = performance.now();
      const s = sampleCsv(bytes, 'cube.csv');
      if (!s) throw new Error('the file does not take the engine path');
      marks.push({ at: since(), what: 'sampled' });
      if (way === 'proven') {
        const plan = finishPlan(s, scanSample(s));
        marks.push({ at: since(), what: 'scanned' });
        if (!plan || !(await stageCsvPlan(timed, plan, 'tl'))) throw new Error('not staged');
      } else {
        const scan: ScanElsewhere = (x, onPiece) =>
          thread.scan(x, (end) => {
            marks.push({ at: since(), what: `scan passed byte ${end} (heard here)` });
            onPiece(end);
          }).finally(() => marks.push({ at: since(), what: 'scan finished (heard here)' }));
        if (!(await stageWhileScanning(timed, s, 'tl', scan))) throw new Error('not staged');
      }
      console.log(`${way}: ${Math.round(performance.now() - t)} ms wall, ${Math.round(cpuMs() - c)} ms CPU`);
      for (const m of marks.sort((a, b) => a.at - b.at)) console.log(`  ${String(m.at).padStart(5)} ${m.what}`);
      await db.exec('DROP TABLE tl');
    }
  }
  await thread.close();
  await db.close();
}

if (process.argv[1]?.endsWith('csv-timeline.cjs')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
