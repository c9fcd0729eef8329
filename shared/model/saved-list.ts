/**
 * A list of saved things (charts, pivots) as pure functions over plain data: each item has an id, its time of
 * saving and a spec with a title; cards and slides that show one refer to it by `savedId` and follow it.
 * shared/model/saved-charts.ts and saved-pivots.ts put their own file shapes around these.
 */

export interface Saved<S extends { title: string }> {
  id: string;
  /** ISO time of the last save. */
  savedAt: string;
  spec: S;
}

/** Anything that shows a saved item: a dashboard card, a slide. */
export interface Follows<S> {
  spec: S;
  savedId?: string;
}

export type Removed<T> = { item: T; index: number };

export const findSaved = <T extends { id: string }>(items: readonly T[], id: string | undefined): T | undefined =>
  id === undefined ? undefined : items.find((c) => c.id === id);

/** A new id, not used in `items` (short and readable in a project file: <prefix><time><n>). */
export function newSavedId(items: readonly { id: string }[], now: number, prefix: string): string {
  const used = new Set(items.map((c) => c.id));
  for (let n = 0; ; n++) {
    const id = `${prefix}${now.toString(36)}${n ? `-${n}` : ''}`;
    if (!used.has(id)) return id;
  }
}

/** Updates item `id` when it exists, else saves `spec` as a new item; newest first either way. */
export function saveItem<S extends { title: string }>(items: Saved<S>[], spec: S, id: string | undefined, now: Date, prefix: string): { items: Saved<S>[]; item: Saved<S> } {
  const item: Saved<S> = { id: id && findSaved(items, id) ? id : newSavedId(items, now.getTime(), prefix), savedAt: now.toISOString(), spec };
  return { items: [item, ...items.filter((c) => c.id !== item.id)], item };
}

/** 重命名: the item's title (its spec's title); keeps its place and its time of saving. */
export const renameItem = <S extends { title: string }>(items: Saved<S>[], id: string, title: string): Saved<S>[] =>
  items.map((c) => (c.id === id ? { ...c, spec: { ...c.spec, title } } : c));

/** 删除: the list without item `id`, and what 撤销 needs to put it back where it was. */
export function removeItem<T extends { id: string }>(items: T[], id: string): { items: T[]; removed?: Removed<T> } {
  const index = items.findIndex((c) => c.id === id);
  if (index < 0) return { items };
  return { items: items.filter((c) => c.id !== id), removed: { item: items[index], index } };
}

/** 撤销 a deletion: the item back at its place (unless an item with its id exists again). */
export function restoreItem<T extends { id: string }>(items: T[], removed: Removed<T>): T[] {
  if (findSaved(items, removed.item.id)) return items;
  const next = [...items];
  next.splice(Math.min(removed.index, next.length), 0, removed.item);
  return next;
}

/**
 * The followers that show `item` take its new spec; the others are returned as they were (the same objects,
 * and the same array when nothing refers to it, so an unchanged document is not written again).
 */
export function followItem<S, T extends Follows<S>>(followers: T[], item: { id: string; spec: S }): T[] {
  if (!followers.some((i) => i.savedId === item.id && i.spec !== item.spec)) return followers;
  return followers.map((i) => (i.savedId === item.id ? { ...i, spec: item.spec } : i));
}

/** A follower whose saved item was deleted: it keeps showing its last spec and says so. */
export const lostItem = (follower: { spec: unknown; savedId?: string }, items: readonly { id: string }[]): boolean => follower.savedId !== undefined && !findSaved(items, follower.savedId);
