/**
 * `sgw import`'s parsing process (child_process.fork): the same server as the app's Web Worker
 * (shared/import/import-server.ts). Built to dist/cli/import-worker.cjs next to sgw.cjs.
 */
import { importServer } from '../../shared/import/import-server';
import type { ImportRequest } from '../../shared/import/runner';

const serve = importServer((m) => process.send!(m));
process.on('message', (req: ImportRequest) => void serve(req));
// The parent went away (killed, or finished without closing us): nothing left to answer.
process.on('disconnect', () => process.exit(0));
