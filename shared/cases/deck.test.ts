import { describe, expect, it } from 'vitest';
import { starterChartSpec } from '../charts/starter-chart';
import { newChartSpec } from '../model/chart-spec';
import { addSlide, addSlides, DeckError, emptyDeck, hasCase, moveSlide, parseDeck, removeSlide, serializeDeck, updateSlide } from './deck';

function sample() {
  let d = emptyDeck('课堂');
  d = addSlide(d, { kind: 'case', caseId: 'haidian-grid', title: '海淀区网格化服务管理体系', notes: '' });
  d = addSlide(d, { kind: 'text', title: '讨论', body: '网格化的得失', notes: '提问' });
  d = addSlide(d, { kind: 'spec-chart', spec: starterChartSpec('zh-CN'), notes: '' });
  return d;
}

describe('deck model', () => {
  it('adds slides with stable unique ids and round-trips through JSON', () => {
    const d = sample();
    expect(d.slides.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(parseDeck(serializeDeck(d))).toEqual(d);
    expect(hasCase(d, 'haidian-grid')).toBe(true);
    const after = addSlide(removeSlide(d, 's1'), { kind: 'text', title: 'x', body: '', notes: '' });
    expect(after.slides.map((s) => s.id)).toEqual(['s2', 's3', 's4']);
  });

  it('reorders (drag or 上移/下移), clamping at the ends', () => {
    const d = sample();
    expect(moveSlide(d, 0, 2).slides.map((s) => s.id)).toEqual(['s2', 's3', 's1']);
    expect(moveSlide(d, 2, 0).slides.map((s) => s.id)).toEqual(['s3', 's1', 's2']);
    expect(moveSlide(d, 0, -1)).toBe(d);
    expect(moveSlide(d, 2, 9)).toBe(d);
  });

  it('edits text and notes of one slide', () => {
    const d = updateSlide(sample(), 's2', { body: '新的内容', notes: '新的备注' });
    expect(d.slides[1]).toMatchObject({ kind: 'text', body: '新的内容', notes: '新的备注' });
  });

  it('rejects bad input with a message saying what is wrong', () => {
    expect(() => parseDeck('{oops')).toThrow(DeckError);
    expect(() => parseDeck('{"version":2,"slides":[]}')).toThrow(/version/);
    expect(() => parseDeck('{"version":1,"slides":[{"id":"a","kind":"video"}]}')).toThrow(/slide 1: unknown kind/);
    expect(() => parseDeck('{"version":1,"slides":[{"id":"a","kind":"case"}]}')).toThrow(/caseId/);
    expect(() => parseDeck('{"version":1,"slides":[{"id":"a","kind":"text"},{"id":"a","kind":"text"}]}')).toThrow(/unique/);
    // Missing optional text fields default to empty.
    expect(parseDeck('{"version":1,"slides":[{"id":"a","kind":"text"}]}').slides[0]).toEqual({ id: 'a', kind: 'text', title: '', body: '', notes: '' });
  });
});

describe('chart-builder and dashboard charts as slides', () => {
  it('keeps a chart spec through JSON and refuses a damaged one with the slide number', () => {
    const spec = newChartSpec('cases', 'province');
    const deck = addSlides(emptyDeck('课堂'), [
      { kind: 'spec-chart', spec: { ...spec, kind: 'map', title: '各省份案例数' }, notes: '先看地图' },
      { kind: 'spec-chart', spec: { ...spec, title: '按主题' }, notes: '' },
    ]);
    const back = parseDeck(serializeDeck(deck));
    expect(back.slides.map((s) => (s.kind === 'spec-chart' ? [s.id, s.spec.kind, s.spec.title] : null))).toEqual([
      ['s1', 'map', '各省份案例数'],
      ['s2', 'column', '按主题'],
    ]);
    const broken = JSON.parse(serializeDeck(deck)) as { slides: { spec: { kind: string } }[] };
    broken.slides[1].spec.kind = 'sunburst';
    expect(() => parseDeck(JSON.stringify(broken))).toThrow(/slide 2: chart spec: kind must be one of/);
  });
});

describe('decks saved with the old fixed-SQL chart slides', () => {
  const legacy = (chart: unknown) => JSON.stringify({ version: 1, title: '旧', slides: [{ id: 's1', kind: 'text', title: '开场', body: '' }, { id: 's7', kind: 'chart', chart, notes: '讲到这里停一下' }] });
  const starter = {
    title: { zh: '上海注册社会组织数（按类型）', en: 'Registered social organisations in Shanghai, by type' },
    sql: 'SELECT category AS 类型, … FROM sh_social_org …',
    spec: { kind: 'bar', x: '类型', y: ['2013年末', '2014年6月末'] },
    unit: '家',
    tables: ['sh_social_org'],
  };

  it('turn the starter chart slide into a live chart slide with the starter ChartSpec, keeping id and notes', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const deck = parseDeck(legacy(starter), lang);
      expect(deck.slides[1]).toEqual({ id: 's7', kind: 'spec-chart', spec: starterChartSpec(lang), notes: '讲到这里停一下' });
    }
    // Recognised by either title.
    expect(parseDeck(legacy({ ...starter, title: { zh: '', en: starter.title.en } })).slides[1].kind).toBe('spec-chart');
  });

  it('turn any other chart slide into a text slide that names it and says to add it again — never dropped', () => {
    const other = { ...starter, title: { zh: '我的旧图表', en: 'My old chart' }, sql: 'SELECT 1' };
    const zh = parseDeck(legacy(other));
    expect(zh.slides).toHaveLength(2);
    expect(zh.slides[1]).toEqual({ id: 's7', kind: 'text', title: '我的旧图表', body: expect.stringContaining('“我的旧图表”'), notes: '讲到这里停一下' });
    expect((zh.slides[1] as { body: string }).body).toContain('重新制作');
    const en = parseDeck(legacy(other), 'en').slides[1] as { title: string; body: string };
    expect([en.title, en.body]).toEqual(['My old chart', expect.stringContaining('“My old chart” from an earlier version')]);
    // Even a damaged legacy chart keeps its place, as a text slide.
    const broken = parseDeck(legacy({ spec: { kind: 'pie' } })).slides[1];
    expect(broken).toMatchObject({ id: 's7', kind: 'text', title: '旧版图表' });
    // Saved again, the deck holds no legacy kind any more.
    expect(serializeDeck(zh)).not.toContain('"kind":"chart"');
  });
});
