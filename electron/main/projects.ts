/**
 * The project files the page may name, and the recent-projects list.
 *
 * The page never passes a path: it gets an opaque id for each file the user picked in a dialog or that is
 * in the recent list, and main maps the id back. Ids are random and live only for this session. The recent
 * list is kept in `<userData>/recent-projects.json` (newest first), written atomically.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MAX_RECENT_PROJECTS, type ProjectHandle } from '../../shared/desktop-api';

export const RECENT_FILE = 'recent-projects.json';
const FORMAT_VERSION = 1;

export interface RegistryDeps {
  userDataDir: string;
  fs: {
    readFile(file: string): Promise<Uint8Array>;
    writeFileAtomic(file: string, bytes: Uint8Array): Promise<void>;
    /** True when the path is an existing regular file. */
    isFile(file: string): Promise<boolean>;
  };
  /** The OS recent-documents list (Windows jump list, macOS Dock menu), where the platform has one. */
  os?: { addRecentDocument(file: string): void; clearRecentDocuments(): void };
  /** Windows and macOS file systems compare names case-insensitively. */
  caseInsensitive?: boolean;
  newId?(): string;
}

/** What ipc.ts needs; tests may substitute it. */
export type ProjectStore = Pick<ProjectRegistry, 'pathFor' | 'remember' | 'recent' | 'forget'>;

const newRandomId = () => randomBytes(16).toString('hex');

/** A stored list, cleaned; anything unreadable counts as an empty list (it only costs the user the menu). */
export function parseRecentFile(text: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const list = (json as { recent?: unknown } | null)?.recent;
  if (!Array.isArray(list)) return [];
  return list.filter(
    // Control characters never appear in a path a dialog returned.
    // eslint-disable-next-line no-control-regex
    (p): p is string => typeof p === 'string' && p.length > 0 && p.length < 4096 && path.isAbsolute(p) && !/[\u0000-\u001f]/.test(p),
  );
}

export class ProjectRegistry {
  private readonly idsByKey = new Map<string, string>();
  private readonly pathsById = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private paths: string[] = [];
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly deps: RegistryDeps) {}

  static async load(deps: RegistryDeps): Promise<ProjectRegistry> {
    const registry = new ProjectRegistry(deps);
    let text = '';
    try {
      text = new TextDecoder().decode(await deps.fs.readFile(registry.file));
    } catch {
      /* first start, or unreadable: no recent projects */
    }
    registry.paths = registry.dedupe(parseRecentFile(text).map((p) => path.resolve(p)));
    return registry;
  }

  private get file(): string {
    return path.join(this.deps.userDataDir, RECENT_FILE);
  }

  private key(file: string): string {
    return this.deps.caseInsensitive ? file.toLowerCase() : file;
  }

  private dedupe(paths: string[]): string[] {
    const seen = new Set<string>();
    return paths.filter((p) => !seen.has(this.key(p)) && seen.add(this.key(p))).slice(0, MAX_RECENT_PROJECTS);
  }

  /** The handle of a file the user chose; the same path keeps the same id for the whole session. */
  private handleFor(file: string): ProjectHandle {
    const key = this.key(file);
    let id = this.idsByKey.get(key);
    if (!id) {
      id = (this.deps.newId ?? newRandomId)();
      this.idsByKey.set(key, id);
      this.pathsById.set(id, file);
    }
    return { id, name: path.basename(file), location: file };
  }

  /** The file behind an id this registry issued, or undefined for anything else. */
  pathFor(id: string): string | undefined {
    return this.pathsById.get(id);
  }

  /** Puts a file the user just opened or saved at the top of the recent list. */
  async remember(chosen: string): Promise<ProjectHandle> {
    const file = path.resolve(chosen);
    const handle = this.handleFor(file);
    this.deps.os?.addRecentDocument(file);
    await this.replace(this.dedupe([file, ...this.paths]));
    return handle;
  }

  /** Drops a file that turned out to be gone. */
  async forget(file: string): Promise<void> {
    const key = this.key(path.resolve(file));
    await this.replace(this.paths.filter((p) => this.key(p) !== key));
  }

  async clear(): Promise<void> {
    this.deps.os?.clearRecentDocuments();
    await this.replace([]);
  }

  /** Newest first; files that no longer exist are dropped from the list on the way. */
  async recent(): Promise<ProjectHandle[]> {
    const snapshot = this.paths;
    const exists = await Promise.all(snapshot.map((p) => this.deps.fs.isFile(p).catch(() => false)));
    const gone = new Set(snapshot.filter((_, i) => !exists[i]).map((p) => this.key(p)));
    if (gone.size) await this.replace(this.paths.filter((p) => !gone.has(this.key(p))));
    return this.paths.filter((p) => !gone.has(this.key(p))).map((p) => this.handleFor(p));
  }

  /** Called after every change of the list (e.g. to rebuild the menu); returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async replace(next: string[]): Promise<void> {
    const same = next.length === this.paths.length && next.every((p, i) => p === this.paths[i]);
    if (same) return;
    this.paths = next;
    const bytes = new TextEncoder().encode(JSON.stringify({ version: FORMAT_VERSION, recent: next }, null, 2));
    // One write at a time, in order, so the file always ends up with the latest list.
    this.writing = this.writing.then(() =>
      this.deps.fs.writeFileAtomic(this.file, bytes).catch((err: unknown) => {
        // The project itself was saved or opened; a stale recent list is not worth failing that for.
        console.warn('[projects] could not store the recent list:', err);
      }),
    );
    await this.writing;
    for (const listener of this.listeners) listener();
  }
}
