import { describe, expect, it } from 'vitest';
import { scaleColour, SEQUENTIAL, textOnScale } from './colour-scale';

describe('scaleColour', () => {
  it('hits the screen’s stops at 0, ¼, ½, ¾ and the maximum, and blends between them', () => {
    expect([0, 1, 2, 3, 4].map((v) => scaleColour(v, 4))).toEqual(SEQUENTIAL.map((c) => c.slice(1).toUpperCase()));
    // Halfway between #eef5fb and #9ecae1.
    expect(scaleColour(0.5, 4)).toBe('C6E0EE');
  });

  it('clamps outside 0…max and survives a zero maximum', () => {
    expect(scaleColour(-3, 4)).toBe('EEF5FB');
    expect(scaleColour(9, 4)).toBe('08306B');
    expect(scaleColour(0, 0)).toBe('EEF5FB');
  });

  it('puts white text on the dark half', () => {
    expect([textOnScale(1.9, 4), textOnScale(2, 4), textOnScale(4, 4), textOnScale(0, 0)]).toEqual(['1F2937', 'FFFFFF', 'FFFFFF', '1F2937']);
  });
});
