/// <reference lib="webworker" />
/**
 * Parses files off the UI thread with the same pipeline as `sgw import` (shared/import/import-server.ts).
 * The file's bytes are sent once ('load') and kept here while the user adjusts the preview; cancelling,
 * or a parse past its deadline, terminates the worker (shared/import/runner.ts).
 */
import { importServer } from '../../shared/import/import-server';
import type { ImportRequest } from '../../shared/import/runner';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const serve = importServer((m, transfer = []) => scope.postMessage(m, transfer));
scope.onmessage = (ev: MessageEvent<ImportRequest>) => void serve(ev.data);
