import { describe, expect, it } from 'vitest';
import { acceptCompletion, completionAt } from './completion';

const COLS = ['常住人口', '刑事案件数', '年份', 'pop_total'];

describe('column-name completion in a formula', () => {
  it('offers the columns a partial word can start or contain, and puts the accepted one in quotes', () => {
    const text = '"刑事案件数" / 常';
    const c = completionAt(text, text.length, COLS)!;
    expect(c.options).toEqual(['常住人口']);
    expect(acceptCompletion(text, c, '常住人口')).toEqual({ text: '"刑事案件数" / "常住人口"', caret: 16 });
  });

  it('completes inside an opened quote, replacing the quote and a closing one after the caret', () => {
    const text = 'round("人口", 1)';
    const c = completionAt(text, 9, COLS)!;
    expect(c.options).toEqual(['常住人口']);
    expect(acceptCompletion(text, c, '常住人口').text).toBe('round("常住人口", 1)');
    // Just after an opening quote every column is offered.
    expect(completionAt('"', 1, COLS)!.options).toEqual(COLS);
  });

  it('offers nothing after an operator, a closed name, or a word no column contains', () => {
    expect(completionAt('"年份" + ', 7, COLS)).toBeNull();
    expect(completionAt('"年份"', 4, COLS)).toBeNull();
    expect(completionAt('abs(x', 5, COLS)).toBeNull();
    // Prefix matches first, case-insensitively.
    expect(completionAt('POP', 3, [...COLS, 'apop'])!.options).toEqual(['pop_total', 'apop']);
  });
});
