import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeImportRunner } from '../../electron/cli/import-runner';
import { translator } from '../i18n';
import { describeImportError } from './messages';
import { ImportError } from './types';

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

/** Short for the test; the app's deadline grows with the file (parseDeadlineMs). */
const DEADLINE_MS = 8_000;

const INTERNAL = /undefined|TypeError|RangeError|ReferenceError|SyntaxError|\{"exception|Maximum call stack|Cannot read|is not a function|\bat \S+ \(|Error:/;

describe('a damaged file of any format is read or refused in the catalog’s words, within the deadline', () => {
  // Every (file × damage): the readers that loop (SheetJS on an ODS with overwritten bytes, apache-arrow on
  // an Arrow stream with overwritten bytes) or blow up (SheetJS on half a Lotus file) run in the worker,
  // which is stopped at the deadline and the file refused.
  it.each(files.map((f) => [path.basename(f), f]))('%s', async (name, file) => {
    const original = new Uint8Array(readFileSync(file));
    // One worker per file while it lives; a stopped one is replaced by the runner.
    const { runner, close } = await nodeImportRunner(original.byteLength, () => DEADLINE_MS);
    for (const [how, damage] of DAMAGE) {
      const bytes = damage(original);
      const started = Date.now();
      let outcome: unknown;
      try {
        runner.load(how, bytes);
        await runner.build(how, name, {});
        outcome = 'read';
      } catch (e) {
        outcome = e;
      } finally {
        runner.forget(how);
      }
      expect(Date.now() - started, how).toBeLessThan(DEADLINE_MS + 3_000);
      if (outcome === 'read') continue;
      // Our own errors only: anything else escaped the readers' translation.
      expect(outcome, `${how}: ${String(outcome)}`).toBeInstanceOf(ImportError);
      for (const t of [zh, en]) {
        const message = describeImportError(outcome, t);
        expect(message, `${how}`).not.toMatch(INTERNAL);
        expect(message.length).toBeGreaterThan(8);
      }
    }
    close();
  }, 120_000);
});
