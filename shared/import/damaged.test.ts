import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { describeImportError } from './messages';
import { analyzeFile, toArrow } from './pipeline';

const zh = translator('zh-CN');
const en = translator('en');
const dirs = ['../../tests/fixtures/import', '../../tests/fixtures/formats'].map((d) => path.resolve(__dirname, d));
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => !f.endsWith('.mjs')).map((f) => path.join(d, f)));

/** Ways a file arrives damaged: cut short, its end lost, bytes overwritten in the middle, its head lost. */
const DAMAGE: [string, (b: Uint8Array) => Uint8Array][] = [
  ['cut in half', (b) => b.slice(0, Math.floor(b.length / 2))],
  ['last 8 bytes lost', (b) => b.slice(0, Math.max(0, b.length - 8))],
  ['footer zeroed', (b) => Uint8Array.from(b, (x, i) => (i >= b.length - 64 ? 0 : x))],
  ['middle overwritten', (b) => Uint8Array.from(b, (x, i) => (i > b.length / 3 && i < b.length / 3 + 32 ? 0xff - x : x))],
  ['first 16 bytes lost', (b) => b.slice(16)],
];

/**
 * OPEN (issue 14, reported): these damaged files make a third-party reader loop or crash the process
 * (SheetJS's ODS inflate and Lotus parser, apache-arrow's IPC reader). They need the parse run in a worker
 * with a deadline; until then they are listed here, not silently passed.
 */
const OPEN_HANGS = new Set(['sheet.ods|middle overwritten', 'records.arrow|middle overwritten', 'lotus.wk1|cut in half']);

const INTERNAL = /undefined|TypeError|RangeError|ReferenceError|SyntaxError|\{"exception|Maximum call stack|Cannot read|is not a function|\bat \S+ \(|Error:/;

describe('a damaged file of any format is read or refused in the catalog’s words', () => {
  it.each(files.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const original = new Uint8Array(readFileSync(file));
    for (const [how, damage] of DAMAGE) {
      if (OPEN_HANGS.has(`${path.basename(file)}|${how}`)) continue;
      const bytes = damage(original);
      let outcome: unknown;
      try {
        const { tables } = await analyzeFile(bytes, path.basename(file));
        for (const t of tables) toArrow(t);
        outcome = 'read';
      } catch (e) {
        outcome = e;
      }
      if (outcome === 'read') continue;
      // Our own errors only: anything else escaped the readers' translation.
      expect(outcome, `${how}: ${String(outcome)}`).toHaveProperty('key');
      for (const t of [zh, en]) {
        const message = describeImportError(outcome, t);
        expect(message, `${how}`).not.toMatch(INTERNAL);
        expect(message.length).toBeGreaterThan(8);
      }
    }
  });
});
