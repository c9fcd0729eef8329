import type { ChartRun } from '../../shared/charts/run-chart';
import { earlyStarterRun, STARTER_ANSWER_FILE } from '../../shared/charts/starter-answer';
import type { Lang } from '../../shared/model/catalog';
import { bundledFile } from './boot';

/** The engine this build ships (vite.config.ts, build/scripts/engine-id.ts); absent in the dev server. */
const ENGINE = import.meta.env.VITE_ENGINE_ID as string | undefined;

const runs = new Map<Lang, Promise<ChartRun | null>>();
let warned = false;

/** A build's answer the app cannot use is a build or packaging slip: said once, on the console only. */
function refused(why: string): void {
  if (warned) return;
  warned = true;
  console.warn(`[sgw] the build's starter-chart answer is not used, the chart waits for the engine: ${why}`);
}

/**
 * The starter chart run over the build's answer (shared/charts/starter-answer.ts), from the same bundled
 * bytes the engine is being handed (boot.ts reads each file once), or null when there is no answer for
 * them: no answer file, another engine, a changed file or query. Never an engine call.
 */
export function earlyStarter(lang: Lang): Promise<ChartRun | null> {
  let run = runs.get(lang);
  if (!run) {
    run = ENGINE
      ? bundledFile(STARTER_ANSWER_FILE).then(
          (bytes) =>
            earlyStarterRun(new TextDecoder().decode(bytes), ENGINE, bundledFile, lang, refused).then((r) => {
              // For the start-up benchmark (bench/browser.ts): the build's answer checked and run.
              if (r) performance.mark('sgw:early-answer');
              return r;
            }),
          () => null,
        )
      : Promise.resolve(null);
    runs.set(lang, run);
  }
  return run;
}
