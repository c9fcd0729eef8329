import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAtomic, type AtomicFs } from './atomic-write';
import { MAX_SESSIONS, nodeSessionDeps, ProjectSessions, SessionError, type SessionDeps } from './project-sessions';

const text = (s: string) => new TextEncoder().encode(s);
const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/** Timers the test fires by hand: no waiting, no race. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  return {
    timers: { set: (fn: () => void, _ms: number) => (pending.set(++next, fn), next), clear: (t: unknown) => void pending.delete(t as number) },
    /** Fires every pending timer (each session's idle timeout). */
    fire: () => {
      const due = [...pending.values()];
      pending.clear();
      due.forEach((fn) => fn());
    },
    get count() {
      return pending.size;
    },
  };
}

describe('ProjectSessions on a real disk', () => {
  let dir: string;
  let target: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'sgw-sessions-'));
    target = path.join(dir, '社区调查.sgwp');
    await fs.writeFile(target, 'original contents');
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  const listing = async () => (await fs.readdir(dir)).sort();
  const sessions = (over: Partial<SessionDeps> = {}) => new ProjectSessions({ ...nodeSessionDeps(), ...over });

  it('begin → append × 3 → finish: the pieces in order, the previous file as .bak, no temp file', async () => {
    const s = sessions();
    const id = await s.beginWrite(target, 9, { keepBackup: true });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect((await listing()).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
    await s.append(id, [text('PK'), new Uint8Array()]);
    await s.append(id, [text('社区')]);
    await s.append(id, [text('.')]);
    await expect(s.finish(id)).resolves.toBe(target);
    expect(await fs.readFile(target, 'utf8')).toBe('PK社区.');
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe('original contents');
    expect(await listing()).toEqual(['社区调查.sgwp', '社区调查.sgwp.bak']);
    await expect(s.append(id, [text('x')])).rejects.toThrow(SessionError);
  });

  it('a failure of the 3rd append leaves the original and no temp file, and ends the session', async () => {
    let writes = 0;
    // The first two pieces reach the disk, then the disk "fills up".
    const failing: AtomicFs = {
      ...fs,
      async open(file, flags, mode) {
        const handle = await fs.open(file, flags, mode);
        return {
          writeFile: async (data: Uint8Array) => {
            if (++writes === 3) throw diskFull();
            await handle.writeFile(data);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const s = sessions({ openAtomic: (file, options) => openAtomic(file, options, failing) });
    const id = await s.beginWrite(target, 4, { keepBackup: true });
    await s.append(id, [text('a')]);
    await s.append(id, [text('b')]);
    await expect(s.append(id, [text('c')])).rejects.toThrow(/ENOSPC/);
    expect(await fs.readFile(target, 'utf8')).toBe('original contents');
    expect(await listing()).toEqual(['社区调查.sgwp']);
    await expect(s.append(id, [text('d')])).rejects.toThrow('unknown or ended session');
    await expect(s.finish(id)).rejects.toThrow('unknown or ended session');
  });

  it('abort, a wrong size and an unknown id leave the original and no temp file', async () => {
    const s = sessions();
    const aborted = await s.beginWrite(target, 2, { keepBackup: true });
    await s.append(aborted, [text('a')]);
    await s.abort(aborted);
    const short = await s.beginWrite(target, 2, { keepBackup: true });
    await s.append(short, [text('a')]);
    await expect(s.finish(short)).rejects.toThrow('1 of 2 bytes written');
    const over = await s.beginWrite(target, 1, { keepBackup: true });
    await expect(s.append(over, [text('ab')])).rejects.toThrow('more than the 1 bytes announced');
    await expect(s.append('ab'.repeat(16), [text('x')])).rejects.toThrow('unknown or ended session');
    expect(await fs.readFile(target, 'utf8')).toBe('original contents');
    expect(await listing()).toEqual(['社区调查.sgwp']);
  });

  it('an idle session times out: its temp file goes, the original stays, its id is refused', async () => {
    const clock = manualTimers();
    const s = sessions({ timers: clock.timers });
    const id = await s.beginWrite(target, 2, { keepBackup: true });
    await s.append(id, [text('a')]);
    expect(clock.count).toBe(1);
    clock.fire();
    await expect(s.append(id, [text('b')])).rejects.toThrow('unknown or ended session');
    // The abort runs after the timer fired; wait for the state, not for time.
    await expect.poll(listing).toEqual(['社区调查.sgwp']);
    expect(await fs.readFile(target, 'utf8')).toBe('original contents');
  });

  it('endAll (the page crashed or reloaded) removes every temp file and closes every read', async () => {
    const s = sessions();
    const other = path.join(dir, '另一个.sgwp');
    const a = await s.beginWrite(target, 9, {});
    await s.beginWrite(other, 9, {});
    await s.append(a, [text('half')]);
    const read = await s.beginRead(target);
    await s.endAll();
    expect(await listing()).toEqual(['社区调查.sgwp']);
    await expect(s.read(read.id, 0, 1)).rejects.toThrow('unknown or ended session');
  });

  it('sweeps the temp files an earlier crash left beside the same file, and only those', async () => {
    const stale = `.社区调查.sgwp.0123456789ab.tmp`;
    const foreign = ['.另一个.sgwp.0123456789ab.tmp', '.社区调查.sgwp.notahexname.tmp', '社区调查.sgwp.0123456789ab.tmp'];
    for (const name of [stale, ...foreign]) await fs.writeFile(path.join(dir, name), 'left by a crash');
    const s = sessions();
    const live = await s.beginWrite(target, 1, {});
    const second = await s.beginWrite(target, 1, {});
    const files = await listing();
    expect(files).not.toContain(stale);
    expect(files).toEqual(expect.arrayContaining(foreign));
    // Both live sessions keep their temp files.
    expect(files.filter((n) => /^\.社区调查\.sgwp\.[0-9a-f]{12}\.tmp$/.test(n))).toHaveLength(2);
    await s.append(live, [text('1')]);
    await s.finish(live);
    await s.abort(second);
    expect(await fs.readFile(target, 'utf8')).toBe('1');
  });

  it('holds at most MAX_SESSIONS saves and reads at once', async () => {
    const s = sessions();
    for (let i = 0; i < MAX_SESSIONS; i++) await s.beginWrite(path.join(dir, `${i}.sgwp`), 1, {});
    await expect(s.beginWrite(path.join(dir, 'more.sgwp'), 1, {})).rejects.toThrow('too many saves at once');
    for (let i = 0; i < MAX_SESSIONS; i++) await s.beginRead(target);
    await expect(s.beginRead(target)).rejects.toThrow('too many files open at once');
    await s.endAll();
    expect(await listing()).toEqual(['社区调查.sgwp']);
  });

  it('reads ranges of the file it opened, even after the file is replaced, and nothing past its end', async () => {
    const s = sessions();
    const { id, size } = await s.beginRead(target);
    expect(size).toBe(17);
    // A save replaces the file by rename: the open read keeps reading the file it opened, whole.
    const w = await s.beginWrite(target, 3, {});
    await s.append(w, [text('new')]);
    await s.finish(w);
    expect(new TextDecoder().decode(await s.read(id, 0, 8))).toBe('original');
    expect(new TextDecoder().decode(await s.read(id, 9, 8))).toBe('contents');
    await expect(s.read(id, 10, 8)).rejects.toThrow('read past the end of the file');
    await s.close(id);
    await expect(s.read(id, 0, 1)).rejects.toThrow('unknown or ended session');
    await expect(s.beginRead(path.join(dir, 'missing.sgwp'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(s.beginRead(dir)).rejects.toThrow(/not a regular file/);
  });
});
