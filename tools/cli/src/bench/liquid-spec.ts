import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { memoryFs } from '@encore/liquid/memory-fs.ts';
import { besideModule } from '@encore/liquid/paths.ts';
import { defaultSpecsDir, loadSuite, type SpecCase } from '@encore/liquid/liquid-spec/load.ts';
import { instantiateEnvironment } from '@encore/liquid/liquid-spec/drops.ts';
import { LiquidSpecSession } from '@encore/liquid/liquid-spec/json-rpc.ts';
import { SPEC_TIME, parseErrorMode } from '@encore/liquid/liquid-spec/run.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';
import { RubyFloat } from '@encore/liquid/ruby/float.ts';
import { startRubyLines } from '@encore/liquid/ruby-oracle/ruby-lines.ts';

/** Issue 20's goal: the engine at least this many times faster than the liquid gem, by either path. */
export const LIQUID_SPEC_GOAL = 1.5;
/** Each measurement renders for about this long, after a few warm-up renders. */
const SECONDS = 1;

const BENCH_SCRIPT = besideModule(import.meta.url, '../../../liquid/ruby/bench.rb');

export interface LiquidSpecBench {
  lines: string[];
  withinGoal: boolean;
}

/**
 * liquid-spec's benchmark pages (`../shared/liquid-spec/specs/benchmarks`), each rendered for about a second by
 * the liquid gem (tools/liquid/ruby/bench.rb: parsed once, a context built from the case's environment per render,
 * as liquid-spec's Ruby adapter renders, its partials parsed again each render as the gem does for a new context)
 * and by the engine two ways, side by side in one run: as themes render (parsed once, partials cached, the
 * environment made once), and through the liquid-spec JSON-RPC server (compiled once, then each render a `render`
 * request line with the environment as JSON, answered as a line; the server takes a request it has just seen
 * already parsed, as it does for liquid-spec's client). The goal holds when the gem's total time over the pages
 * is at least 1.5× the engine's, for each path.
 */
export async function benchLiquidSpec(): Promise<LiquidSpecBench> {
  const suite = loadSuite(join(defaultSpecsDir(resolve(besideModule(import.meta.url, '../../../..'))), 'benchmarks'));
  const gem = await startRubyLines<{ ready: string }>(BENCH_SCRIPT);
  if ('unavailable' in gem) return { lines: [`skipped: ${gem.unavailable}`], withinGoal: true };
  const lines: string[] = [];
  const totals = { gem: 0, theme: 0, server: 0 };
  try {
    lines.push(`${'page'.padEnd(40)} ${'gem'.padStart(9)} ${'as themes'.padStart(18)} ${'server'.padStart(18)}`);
    for (const spec of suite.cases) {
      const ruby = await gem.ask<GemAnswer>({ file: join(suite.dir, spec.file), name: spec.name, seconds: SECONDS, error_mode: spec.errorMode ?? 'strict' });
      if ('error' in ruby) {
        lines.push(`${spec.name}: the gem failed (${ruby.error})`);
        continue;
      }
      const theme = await themeRender(spec);
      const server = await serverRender(spec);
      totals.gem += ruby.seconds_per_render * 1000;
      totals.theme += theme;
      totals.server += server;
      lines.push(
        `${spec.name.padEnd(40)} ${ms(ruby.seconds_per_render * 1000)} ${ms(theme)} ${ratio(ruby.seconds_per_render * 1000, theme)} ${ms(server)} ${ratio(ruby.seconds_per_render * 1000, server)}`,
      );
    }
  } finally {
    gem.close();
  }
  const themeRatio = totals.gem / totals.theme;
  const serverRatio = totals.gem / totals.server;
  const withinGoal = themeRatio >= LIQUID_SPEC_GOAL && serverRatio >= LIQUID_SPEC_GOAL;
  lines.push(
    `all pages: the gem ${totals.gem.toFixed(2)} ms; as themes ${totals.theme.toFixed(2)} ms (${themeRatio.toFixed(2)}× faster), server ${totals.server.toFixed(2)} ms (${serverRatio.toFixed(2)}× faster); goal ≥ ${LIQUID_SPEC_GOAL}× both: ${withinGoal ? 'within' : 'OVER'}`,
  );
  return { lines, withinGoal };
}

/** Milliseconds a render as themes render: one engine, the page parsed once, partials cached, globals made once. */
async function themeRender(spec: SpecCase): Promise<number> {
  const mode = parseErrorMode(spec.errorMode);
  const liquid = createLiquid({
    fs: memoryFs(spec.filesystem, { caseInsensitive: true }),
    unknownFilters: 'ignore',
    cache: true,
    parseMode: mode === 'strict' || mode === 'strict2' ? mode : 'lax',
  });
  const templates = liquid.parse(spec.template);
  const globals = globalsWithState({ ...instantiateEnvironment(spec.environment) }, defaultRenderState({ now: SPEC_TIME }));
  return timedAsync(async () => liquid.renderSync(templates, {}, { globals }));
}

/** Milliseconds a render through the JSON-RPC server, request parsed and answer written. */
async function serverRender(spec: SpecCase): Promise<number> {
  const session = new LiquidSpecSession();
  const compiled = JSON.parse(
    (await session.handleLine(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'compile',
        params: { template: spec.template, filesystem: spec.filesystem, options: { error_mode: spec.errorMode } },
      }),
    ))!,
  ) as { result: { template_id: string } };
  const request = JSON.stringify(
    { jsonrpc: '2.0', id: 2, method: 'render', params: { template_id: compiled.result.template_id, environment: spec.environment } },
    (_key, value: unknown) => (value instanceof RubyFloat ? Number(value.valueOf()) : typeof value === 'bigint' ? String(value) : value),
  );
  return timedAsync(() => session.handleLine(request));
}

async function timedAsync(render: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await render();
  let renders = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000 || renders < 5) {
    await render();
    renders += 1;
    elapsed = performance.now() - start;
  }
  return elapsed / renders;
}

function ms(value: number): string {
  return `${value.toFixed(3)} ms`.padStart(9);
}

function ratio(gem: number, engine: number): string {
  return `(${(gem / engine).toFixed(2)}×)`.padStart(8);
}

type GemAnswer = { renders: number; seconds_per_render: number; bytes: number } | { error: string };
