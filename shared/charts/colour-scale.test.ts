import { describe, expect, it } from 'vitest';
import { scaleColour, SEQUENTIAL, textOnScale, valueRange } from './colour-scale';

describe('scaleColour', () => {
  it('hits the screen’s stops at the minimum, ¼, ½, ¾ and the maximum, and blends between them', () => {
    expect([0, 1, 2, 3, 4].map((v) => scaleColour(v, { min: 0, max: 4 }))).toEqual(SEQUENTIAL.map((c) => c.slice(1).toUpperCase()));
    // From the data's minimum, as on screen: 95 is the lightest stop, 105 the darkest.
    expect([95, 97.5, 100, 102.5, 105].map((v) => scaleColour(v, { min: 95, max: 105 }))).toEqual(SEQUENTIAL.map((c) => c.slice(1).toUpperCase()));
    // Halfway between #c6dbef and #9ecae1.
    expect(scaleColour(0.5, { min: 0, max: 4 })).toBe('B2D3E8');
  });

  it('clamps outside the range and survives an empty one', () => {
    expect(scaleColour(-3, { min: 0, max: 4 })).toBe('C6DBEF');
    expect(scaleColour(9, { min: 0, max: 4 })).toBe('08306B');
    expect(scaleColour(0, { min: 0, max: 0 })).toBe('C6DBEF');
  });

  it('puts white text on the dark half', () => {
    const r = { min: 0, max: 4 };
    expect([textOnScale(1.9, r), textOnScale(2, r), textOnScale(4, r), textOnScale(0, { min: 0, max: 0 }), textOnScale(100, { min: 95, max: 105 })]).toEqual(['1F2937', 'FFFFFF', 'FFFFFF', '1F2937', 'FFFFFF']);
  });

  it('ranges from the smallest to the largest value, NULLs aside', () => {
    expect(valueRange([null, 103, 95, 105])).toEqual({ min: 95, max: 105 });
    expect(valueRange([null])).toEqual({ min: 0, max: 1 });
    expect(valueRange([7, 7])).toEqual({ min: 0, max: 7 });
  });
});
