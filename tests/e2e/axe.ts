import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core from node_modules, injected through the DevTools protocol (page.evaluate): the app's CSP blocks
// script tags, and the test must stay offline.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page (or a part of it); returns every violation with its impact and where. */
export async function runAxe(page: Page, context = 'body'): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run(c: string, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(ctx, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'minor', help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, context);
}

/** Rules the app must pass at any impact: landmarks, heading order, content inside landmarks, named table headers. */
export const STRICT_RULES = ['region', 'heading-order', 'landmark-one-main', 'landmark-no-duplicate-banner', 'landmark-unique', 'landmark-main-is-top-level', 'aria-allowed-role', 'scrollable-region-focusable', 'empty-table-header'];

/**
 * The failures of one axe run, as readable lines: every serious or critical finding and every finding of
 * STRICT_RULES. The other (moderate, minor) findings are printed, not failed.
 */
export async function axeReport(page: Page, where: string): Promise<string[]> {
  const found = await runAxe(page);
  const failing = (f: AxeFinding) => f.impact === 'serious' || f.impact === 'critical' || STRICT_RULES.includes(f.id);
  for (const f of found.filter((x) => !failing(x))) console.log(`axe ${where}: ${f.impact} ${f.id} (${f.help}) at ${f.targets.slice(0, 3).join(', ')}`);
  return found.filter(failing).map((f) => `${where}: ${f.impact} ${f.id} (${f.help}) at ${f.targets.slice(0, 4).join(', ')}`);
}
