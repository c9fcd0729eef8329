import { describe, expect, it } from 'vitest';
import { runCancellable, type CancellableSteps } from './cancellable';

/** A connection whose every step waits until the test lets it go, and a log of what reached it. */
function steps() {
  const log: string[] = [];
  const gates: Record<'prepare' | 'connect' | 'run', () => void> = { prepare: () => {}, connect: () => {}, run: () => {} };
  const gate = (name: keyof typeof gates) => new Promise<void>((r) => (gates[name] = r));
  const s: CancellableSteps<string, string> = {
    prepare: async () => {
      log.push('prepare');
      await gate('prepare');
    },
    connect: async () => {
      log.push('connect');
      await gate('connect');
      return 'conn';
    },
    run: async (conn, stopped) => {
      log.push(`run ${conn}`);
      await gate('run');
      return stopped() ? 'late' : 'rows';
    },
    cancel: (conn) => log.push(`cancel ${conn}`),
    close: (conn) => log.push(`close ${conn}`),
  };
  return { s, log, gates };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('runCancellable', () => {
  it('answers when nobody cancels, and closes the connection', async () => {
    const { s, log, gates } = steps();
    const p = runCancellable('q', undefined, s);
    gates.prepare();
    await tick();
    gates.connect();
    await tick();
    gates.run();
    await expect(p).resolves.toBe('rows');
    await tick();
    expect(log).toEqual(['prepare', 'connect', 'run conn', 'close conn']);
  });

  it.each(['prepare', 'connect'] as const)('a cancel during %s rejects at once and the query is never sent', async (step) => {
    const { s, log, gates } = steps();
    const ac = new AbortController();
    const p = runCancellable('q', ac.signal, s);
    if (step === 'connect') {
      gates.prepare();
      await tick();
    }
    ac.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    gates.prepare();
    await tick();
    gates.connect();
    await tick();
    expect(log).not.toContain('run conn');
    expect(log.at(-1)).toBe(step === 'connect' ? 'close conn' : 'prepare');
  });

  it('a cancel while the engine runs asks the engine to stop and rejects without waiting for it', async () => {
    const { s, log, gates } = steps();
    const ac = new AbortController();
    const p = runCancellable('q', ac.signal, s);
    gates.prepare();
    await tick();
    gates.connect();
    await tick();
    ac.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    expect(log).toEqual(['prepare', 'connect', 'run conn', 'cancel conn']);
    gates.run();
    await tick();
    expect(log.at(-1)).toBe('close conn');
  });

  it('an already aborted signal never reaches the engine', async () => {
    const { s, log } = steps();
    const ac = new AbortController();
    ac.abort();
    await expect(runCancellable('q', ac.signal, s)).rejects.toMatchObject({ kind: 'cancelled' });
    expect(log).toEqual([]);
  });
});
