import { describe, expect, it } from 'vitest';
import { addSlide, emptyDeck } from '../../shared/cases/deck';
import { newChartSpec } from '../../shared/model/chart-spec';
import { STARTER_SQL } from '../../shared/sql/browse-sql';
import { DAMAGED_SUFFIX, DOC_NAMES, DOCUMENTS, PROJECT_DOCS, STORAGE_KEYS } from './documents';
import { SnapshotError, WorkspaceStore, type KeyValueStorage, type ProjectDocuments } from './store';

/** An in-memory localStorage; `full` makes every write fail the way a full profile does. */
function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  const storage = {
    full: false,
    writes: 0,
    getItem: (k: string) => map.get(k) ?? null,
    setItem(k: string, v: string) {
      if (storage.full) throw new DOMException('quota', 'QuotaExceededError');
      storage.writes++;
      map.set(k, v);
    },
    removeItem(k: string) {
      if (storage.full) throw new DOMException('quota', 'QuotaExceededError');
      map.delete(k);
    },
    dump: () => Object.fromEntries(map),
  };
  return storage satisfies KeyValueStorage;
}

const BAD_DECK = '{"version":1,"slides":[{"id":"a","kind":"video"}]}';
const damagedOf = (s: ReturnType<typeof memoryStorage>, key: string) => JSON.parse(s.getItem(key + DAMAGED_SUFFIX)!) as { at: number; raw: string }[];

/** A workspace with one of each project document, in Chinese, with quotes and numbers that must survive. */
function filled(store: WorkspaceStore) {
  const spec = { ...newChartSpec('社区 "调查"', '社区'), title: '各社区人数 "2024"' };
  store.set('sqlDraft', `SELECT "社区", sum(人数) FROM "社区 ""调查""" WHERE 名称 = 'it''s' GROUP BY 1 -- 注释`);
  store.set('sqlHistory', [{ sql: 'SELECT 1', at: 1_700_000_000_123, ok: true, rows: 1, ms: 0.5 }, { sql: 'SELEC 2', at: 1_700_000_000_000, ok: false }]);
  store.set('sqlSnippets', [{ name: '人数', sql: 'SELECT 2' }]);
  store.set('savedCharts', { version: 1, charts: [{ id: 'c1', savedAt: '2024-01-02T03:04:05.000Z', spec }] });
  store.set('dashboards', [{ version: 1, id: 'own-1', title: '我的看板', cards: [{ id: 'k1', size: 'large', spec }] }]);
  store.set('deck', addSlide({ ...emptyDeck('课堂'), title: '课堂' }, { kind: 'text', title: '导入', body: '从管理到治理', notes: '先问学员' }));
  store.set('lang', 'en');
}

describe('WorkspaceStore: reading the profile', () => {
  it('uses defaults for absent documents and reads stored ones with their parsers', () => {
    const store = new WorkspaceStore(memoryStorage({ [STORAGE_KEYS.sqlDraft]: 'SELECT 42', [STORAGE_KEYS.lang]: 'en' }));
    expect(store.get('sqlDraft')).toBe('SELECT 42');
    expect(store.get('lang')).toBe('en');
    expect(store.get('deck')).toEqual(emptyDeck());
    expect(store.get('sqlHistory')).toEqual([]);
    expect(new WorkspaceStore(memoryStorage()).get('sqlDraft')).toBe(STARTER_SQL);
    expect(store.damaged()).toEqual([]);
  });

  it('moves a damaged entry aside under .damaged, raises a notice and starts from the default', () => {
    const storage = memoryStorage({ [STORAGE_KEYS.deck]: BAD_DECK, [STORAGE_KEYS.savedCharts]: '{not json', [STORAGE_KEYS.sqlHistory]: '[{"sql":1}]' });
    const store = new WorkspaceStore(storage, () => 1234);
    expect(store.get('deck')).toEqual(emptyDeck());
    expect(store.get('savedCharts')).toEqual({ version: 1, charts: [] });
    expect(store.get('sqlHistory')).toEqual([]);
    expect(storage.getItem(STORAGE_KEYS.deck)).toBeNull();
    expect(damagedOf(storage, STORAGE_KEYS.deck)).toEqual([{ at: 1234, raw: BAD_DECK }]);
    expect(damagedOf(storage, STORAGE_KEYS.savedCharts)).toEqual([{ at: 1234, raw: '{not json' }]);
    expect(store.damaged().map((n) => [n.doc, n.key, n.keptAside])).toEqual([
      ['sqlHistory', 'sgw.sqlHistory.damaged', true],
      ['savedCharts', 'sgw.savedCharts.damaged', true],
      ['deck', 'sgw.deck.damaged', true],
    ]);
    expect(store.damaged().find((n) => n.doc === 'deck')!.detail).toContain('video');
    expect(store.damaged().find((n) => n.doc === 'savedCharts')!.detail).toBe('not valid JSON');
  });

  it('never overwrites what was kept aside: a second damaged entry is appended, an older raw copy kept', () => {
    const storage = memoryStorage({ [STORAGE_KEYS.deck]: BAD_DECK, [STORAGE_KEYS.dashboards + DAMAGED_SUFFIX]: 'older build kept this', [STORAGE_KEYS.dashboards]: '[]' });
    new WorkspaceStore(storage, () => 1);
    storage.setItem(STORAGE_KEYS.deck, '{"version":9}');
    const again = new WorkspaceStore(storage, () => 2);
    expect(damagedOf(storage, STORAGE_KEYS.deck)).toEqual([
      { at: 1, raw: BAD_DECK },
      { at: 2, raw: '{"version":9}' },
    ]);
    expect(damagedOf(storage, STORAGE_KEYS.dashboards)).toEqual([
      { at: 0, raw: 'older build kept this' },
      { at: 1, raw: '[]' },
    ]);
    // Writing the document later touches only its own key.
    again.set('deck', addSlide(emptyDeck(), { kind: 'text', title: 't', body: '', notes: '' }));
    expect(damagedOf(storage, STORAGE_KEYS.deck)).toHaveLength(2);
    expect(JSON.parse(storage.getItem(STORAGE_KEYS.deck)!).slides).toHaveLength(1);
  });

  it('keeps a damaged entry in place when storage is full, and then never writes over it', () => {
    const storage = memoryStorage({ [STORAGE_KEYS.deck]: BAD_DECK });
    storage.full = true;
    const store = new WorkspaceStore(storage);
    expect(store.damaged()).toMatchObject([{ doc: 'deck', keptAside: false }]);
    storage.full = false;
    const persisted = store.set('deck', addSlide(emptyDeck(), { kind: 'text', title: 't', body: '', notes: '' }));
    expect(persisted).toBe(false);
    expect(store.get('deck').slides).toHaveLength(1);
    expect(storage.getItem(STORAGE_KEYS.deck)).toBe(BAD_DECK);
  });

  it('reports a write the profile refused, and keeps an over-large basemap set for the session only', () => {
    const storage = memoryStorage();
    const store = new WorkspaceStore(storage);
    storage.full = true;
    expect(store.set('view', 'present')).toBe(false);
    expect(store.get('view')).toBe('present');
    storage.full = false;
    const big = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { name: '大' }, geometry: { type: 'Polygon' as const, coordinates: [Array(600_000).fill([1, 2])] } }] };
    expect(store.set('geoMaps', { 大: big })).toBe(false);
    expect(store.get('geoMaps')).toEqual({ 大: big });
    expect(storage.getItem(STORAGE_KEYS.geoMaps)).toBeNull();
  });
});

describe('WorkspaceStore: changes', () => {
  it('tells the listeners of a document and of everything, once per real change', () => {
    const store = new WorkspaceStore(memoryStorage());
    const seen: string[] = [];
    store.subscribe(() => seen.push('deck'), 'deck');
    store.subscribe(() => seen.push('view'), 'view');
    const off = store.subscribe(() => seen.push('*'));
    const deck = addSlide(emptyDeck(), { kind: 'text', title: 't', body: '', notes: '' });
    store.set('deck', deck);
    store.set('deck', structuredClone(deck));
    expect(seen).toEqual(['deck', '*']);
    off();
    store.update('view', () => 'cases');
    expect(seen).toEqual(['deck', '*', 'view']);
  });

  it('counts changes of project documents only: the view, language and chart draft are profile settings', () => {
    const store = new WorkspaceStore(memoryStorage());
    const v0 = store.version;
    store.set('view', 'present');
    store.set('lang', 'en');
    store.set('dashboardPick', 'own-1');
    store.set('chartDraft', { spec: newChartSpec('cases', 'province') });
    expect(store.version).toBe(v0);
    store.set('sqlDraft', 'SELECT 2');
    expect(store.version).toBeGreaterThan(v0);
    const v1 = store.version;
    store.set('sqlDraft', 'SELECT 2');
    expect(store.version).toBe(v1);
  });

  it('keeps the clean-close flag: written at once (pagehide has no later), read as the last session left it', () => {
    const storage = memoryStorage();
    const store = new WorkspaceStore(storage);
    const v0 = store.version;
    expect(store.get('closedCleanly')).toBe(true);
    store.set('closedCleanly', false);
    expect(storage.getItem(STORAGE_KEYS.closedCleanly)).toBe('0');
    expect(new WorkspaceStore(storage).get('closedCleanly')).toBe(false);
    store.set('closedCleanly', true);
    expect(storage.getItem(STORAGE_KEYS.closedCleanly)).toBe('1');
    expect(store.version).toBe(v0);
    // An older build's value, or anything else, is no crash to report.
    expect(new WorkspaceStore(memoryStorage({ [STORAGE_KEYS.closedCleanly]: 'yes' })).get('closedCleanly')).toBe(true);
  });

  it('classifies every document, and a project carries exactly the project documents', () => {
    expect(DOC_NAMES).toHaveLength(Object.keys(DOCUMENTS).length);
    const store = new WorkspaceStore(memoryStorage());
    const loaded = Object.keys(store.validate(store.projectSnapshot()).values);
    expect(loaded.filter((n) => n !== 'lang').sort()).toEqual([...PROJECT_DOCS].sort());
    // Every key of the table is distinct, including the clean-close flag.
    expect(new Set(Object.values(STORAGE_KEYS)).size).toBe(Object.values(STORAGE_KEYS).length);
  });
});

describe('WorkspaceStore: project snapshot and load', () => {
  it('round-trips a snapshot through a project manifest (JSON) into another profile, in one step', () => {
    const a = new WorkspaceStore(memoryStorage());
    filled(a);
    const snap = JSON.parse(JSON.stringify(a.projectSnapshot())) as ProjectDocuments;
    const storage = memoryStorage({ [STORAGE_KEYS.view]: 'cases' });
    const b = new WorkspaceStore(storage);
    const before = b.version;
    const seen: string[] = [];
    b.subscribe(() => seen.push(`deck:${b.get('deck').title}|draft:${b.get('sqlDraft').slice(0, 6)}`), 'deck');
    b.subscribe(() => seen.push(`history:${b.get('sqlHistory').length}|deck:${b.get('deck').slides.length}`), 'sqlHistory');
    b.load(b.validate(snap));
    expect(b.projectSnapshot()).toEqual(snap);
    expect(b.projectSnapshot()).toEqual(a.projectSnapshot());
    expect(b.version).toBeGreaterThan(before);
    // Each listener saw the whole snapshot in place, whatever order they run in.
    expect(seen.sort()).toEqual(['deck:课堂|draft:SELECT', 'history:2|deck:1']);
    expect(b.get('lang')).toBe('en');
    expect(b.get('view')).toBe('cases');
    // Persisted with the same content as the first profile holds them.
    for (const name of PROJECT_DOCS) expect(stored(storage.getItem(DOCUMENTS[name].key)!, name)).toEqual(stored(memoryOf(a, name), name));
  });

  it('refuses a snapshot with one bad document before changing anything', () => {
    const a = new WorkspaceStore(memoryStorage());
    filled(a);
    const snap = JSON.parse(JSON.stringify(a.projectSnapshot())) as ProjectDocuments;
    const bad: ProjectDocuments = { ...snap, documents: { ...snap.documents, decks: [JSON.parse(BAD_DECK)] } };
    const storage = memoryStorage();
    const b = new WorkspaceStore(storage);
    b.set('sqlDraft', '我的草稿');
    const was = { snap: b.projectSnapshot(), dump: storage.dump(), version: b.version };
    let events = 0;
    b.subscribe(() => events++);
    expect(() => b.validate(bad)).toThrow(SnapshotError);
    expect(() => b.validate(bad)).toThrow(/deck: slide 1: unknown kind "video"/);
    expect(() => b.validate({ ...snap, documents: { ...snap.documents, charts: [snap.documents.charts[0], snap.documents.charts[0]] } })).toThrow(/savedCharts: 2 documents/);
    expect(() => b.validate({ ...snap, lang: 'fr' as 'en' })).toThrow(/lang/);
    expect(() => b.load({ values: a.validate(snap).values })).toThrow(/validate/);
    expect({ snap: b.projectSnapshot(), dump: storage.dump(), version: b.version }).toEqual(was);
    expect(events).toBe(0);
  });

  it('opens an old project without documents to the defaults', () => {
    const b = new WorkspaceStore(memoryStorage());
    filled(b);
    b.load(b.validate({ sql: { draft: '', history: [], snippets: [] }, documents: { charts: [], dashboards: [], decks: [] }, lang: 'zh-CN' }));
    expect(b.get('deck')).toEqual(emptyDeck());
    expect(b.get('savedCharts').charts).toEqual([]);
    expect(b.get('sqlDraft')).toBe('');
  });

  it('resets the project documents for a new project and keeps the profile settings', () => {
    const storage = memoryStorage();
    const store = new WorkspaceStore(storage);
    filled(store);
    store.set('view', 'present');
    const v = store.version;
    store.reset();
    expect(store.version).toBeGreaterThan(v);
    expect(store.projectSnapshot()).toEqual(new WorkspaceStore(memoryStorage({ [STORAGE_KEYS.lang]: 'en' })).projectSnapshot());
    expect(store.get('view')).toBe('present');
    expect(storage.getItem(STORAGE_KEYS.deck)).toBe(JSON.stringify(emptyDeck()));
  });
});

const stored = (text: string, name: (typeof PROJECT_DOCS)[number]) => (DOCUMENTS[name].text ? text : (JSON.parse(text) as unknown));

function memoryOf(store: WorkspaceStore, name: (typeof PROJECT_DOCS)[number]): string {
  const def = DOCUMENTS[name] as { toJson(v: unknown): unknown; text?: true };
  const json = def.toJson(store.get(name));
  return def.text ? String(json) : JSON.stringify(json);
}
