import { useEffect, useEffectEvent, useState } from 'react';
import type { Db } from '../../../shared/db';
import { markSession, writeAutosave } from './autosave-store';
import { joinParts } from '../../../shared/project/zip-store';
import { snapshot } from './workspace-io';

export const AUTOSAVE_INTERVAL_MS = 4000;

/** One workspace snapshot at a time: saving waits for an autosave being written; an autosave skips a tick. */
export class SnapshotLock {
  private tail: Promise<void> = Promise.resolve();
  private held = 0;
  get busy(): boolean {
    return this.held > 0;
  }
  /** Runs `task` once the snapshot being taken, if any, is done. */
  run(task: () => Promise<void>): Promise<void> {
    const next = this.tail.then(async () => {
      this.held++;
      try {
        await task();
      } finally {
        this.held--;
      }
    });
    this.tail = next.catch(() => undefined);
    return next;
  }
  /** Runs `task` unless a snapshot is being taken; returns whether it ran. */
  async tryRun(task: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    await this.run(task);
    return true;
  }
}

/** Which workspace state (its print) the autosave holds. */
export class AutosaveMark {
  /** undefined until start(); null: write at the next tick. */
  print: string | null | undefined = undefined;
  /** The start-up state is the baseline (unless an open already set one). */
  start(print: string): void {
    this.print ??= print;
  }
  /** The autosave now holds `print` (a project was opened or reset), or must be written again (null). */
  set(print: string | null): void {
    this.print = print;
  }
}

interface Options {
  db: Db | null;
  builtIn: string[];
  appVersion: string;
  /** The project's name, kept with the snapshot. */
  name: string;
  /** True while a restore is offered: the offered autosave must not be overwritten. */
  paused: boolean;
  lock: SnapshotLock;
  /** The workspace's print now (document version : data epoch). */
  printNow(): string;
  /** Whether the workspace at `print` holds work that no project file has. */
  unsaved(print: string): boolean;
}

/**
 * Writes the workspace to IndexedDB a few seconds after it changed — and only then: a session in which
 * nothing changed writes nothing, so it is never offered for restore. Marks a clean close on pagehide.
 */
export function useAutosave(options: Options): AutosaveMark {
  const [mark] = useState(() => new AutosaveMark());

  const tick = useEffectEvent(async () => {
    const { db, builtIn, appVersion, name, paused, lock, printNow, unsaved } = options;
    if (!db || paused || mark.print === undefined) return;
    const print = printNow();
    if (print === mark.print) return;
    await lock
      .tryRun(async () => {
        // The store keeps one buffer per record (its format since the first autosave): joined here.
        await writeAutosave({ bytes: joinParts(await snapshot(db, builtIn, appVersion)), savedAt: Date.now(), name, dirty: unsaved(print) });
        mark.set(print);
      })
      // Best effort: the next tick tries again.
      .catch(() => undefined);
  });

  const ready = options.db !== null;
  useEffect(() => {
    if (!ready) return;
    const timer = window.setInterval(() => void tick(), AUTOSAVE_INTERVAL_MS);
    const onHide = () => markSession(true);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', onHide);
    };
  }, [ready]);

  return mark;
}
