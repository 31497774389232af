import { performance } from 'node:perf_hooks';
import { Liquid, Tag, type TagToken, type TopLevelToken, type Context, type Emitter, type Template } from 'liquidjs';
import { runCli } from './run.ts';
import { Storefront } from '@encore/studio/storefront.ts';
import { scaledStore } from './bench/scaled-store.ts';
import { liquidGlobals } from '@encore/fixtures/liquid/index.ts';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { globalsWithState, defaultRenderState } from '@encore/liquid/state.ts';
import { documentedFilters } from '@encore/liquid/reference.ts';
import { parseBody } from '@encore/liquid/tags/parse-body.ts';
import { benchCore } from './bench/core.ts';
import { benchPostPurchase } from './bench/post-purchase.ts';
import { benchBackendLoad, CONNECTIONS, SECONDS } from './bench/backend-load.ts';
import { benchHostTheme } from './bench/host-theme.ts';
import { benchStudioLoad, STUDIO_SECONDS } from './bench/studio-load.ts';
import { benchLighthouse } from './bench/lighthouse.ts';
import { benchLiquidSpec, LIQUID_SPEC_GOAL } from './bench/liquid-spec.ts';
import { readRawBody } from '@encore/liquid/tags/raw-body.ts';

const WARMUP = 20;
const RUNS = 100;
const OVERHEAD_GOAL = 1.3;
const FILTER_GOAL_US = 20;

/**
 * `npm run bench`: warm page renders of the scaled store, the engine's overhead
 * against bare liquidjs on the same templates, the per-call cost of filters, and
 * the domain core (recommendations by history size, the order journey).
 */
runCli(async () => {
  if (process.argv.includes('--studio')) {
    process.stdout.write(`the studio under mixed traffic (${STUDIO_SECONDS} s):\n`);
    const load = await benchStudioLoad();
    for (const line of load.lines) process.stdout.write(`  ${line}\n`);
    process.stdout.write(`\nbench: studio load ${load.withinGoals ? 'within' : 'OVER'} goals\n`);
    return;
  }
  if (process.argv.includes('--liquid-spec')) {
    process.stdout.write(`liquid-spec's benchmark pages, the liquid gem beside the engine (goal ≥ ${LIQUID_SPEC_GOAL}× faster by each path):\n`);
    const pages = await benchLiquidSpec();
    for (const line of pages.lines) process.stdout.write(`  ${line}\n`);
    process.stdout.write(`\nbench: liquid-spec pages ${pages.withinGoal ? 'within' : 'OVER'} goal\n`);
    return;
  }
  if (process.argv.includes('--backend')) {
    process.stdout.write(`backend under load (${CONNECTIONS} connections, ${SECONDS} s a route):\n`);
    const load = await benchBackendLoad();
    for (const line of load.lines) process.stdout.write(`  ${line}\n`);
    process.stdout.write(`\nbench: backend load ${load.withinGoals ? 'within' : 'OVER'} goals\n`);
    return;
  }
  // Measured as the preview server runs it: theme edits arrive as file-system events.
  const storefront = new Storefront({ store: scaledStore(100, 20), watch: true });
  const pages = [
    {
      label: 'customers/order, 100 line items',
      template: 'customers/order' as const,
      target: { orderId: '9001' },
      page: { template: 'customers/order' as const, order: '9001' },
    },
    {
      label: 'customers/account, 20 orders',
      template: 'customers/account' as const,
      target: {},
      page: { template: 'customers/account' as const, customer: 'bench-customer' },
    },
  ];
  const bare = bareLiquid(storefront.theme.dir);
  let overheadOk = true;
  for (const { label, template, target, page } of pages) {
    const sectionFile = `sections/encore-main-${template === 'customers/order' ? 'order' : 'account'}.liquid`;
    const globals = () => ({
      ...liquidGlobals(storefront.store, { customerHandle: 'bench-customer', locale: 'en', path: '/account', ...target }),
      settings: storefront.theme.settings(),
    });
    // Pages render synchronously in the engine, so the floor is liquidjs's synchronous render too.
    const bareRender = async () => {
      const scope = globals();
      const content = bare.renderFileSync(sectionFile, { section: { id: 'main', settings: { orders_per_page: 20 }, blocks: [] } }, { globals: scope });
      return bare.renderFileSync('layout/theme.liquid', { content_for_header: '', content_for_layout: content }, { globals: scope });
    };
    const [engine, baseline] = await medians(() => storefront.render(page), bareRender);
    const ratio = engine / baseline;
    overheadOk &&= ratio <= OVERHEAD_GOAL;
    process.stdout.write(
      `${label}: ${ms(engine)} median warm render; bare liquidjs ${ms(baseline)}; overhead ${ratio.toFixed(2)}× (goal ≤ ${OVERHEAD_GOAL}×)\n`,
    );
  }

  process.stdout.write("\nEncore's order section inside Dawn 15.4.1 (npm run theme:add on a temporary copy) beside Encore's own theme:\n");
  const host = await benchHostTheme(storefront.store, ['9001', '1003'], (a, b) => medians(a, b, RUNS));
  for (const line of host.lines) process.stdout.write(`  ${line}\n`);

  const slow: string[] = [];
  process.stdout.write(`\nfilters, µs per call (goal ≤ ${FILTER_GOAL_US} µs):\n`);
  for (const [name, micros] of await filterTimings()) {
    if (micros > FILTER_GOAL_US) slow.push(name);
    process.stdout.write(`  ${name.padEnd(52)} ${micros.toFixed(2).padStart(7)}\n`);
  }
  process.stdout.write(
    `\nliquid-spec's benchmark pages, the liquid gem beside the engine (goal ≥ ${LIQUID_SPEC_GOAL}× faster by each path; alone: npm run bench -- --liquid-spec):\n`,
  );
  const liquidSpecPages = await benchLiquidSpec();
  for (const line of liquidSpecPages.lines) process.stdout.write(`  ${line}\n`);
  process.stdout.write('\ndomain core:\n');
  const core = benchCore();
  for (const line of core.lines) process.stdout.write(`  ${line}\n`);
  process.stdout.write('\npost-purchase backend:\n');
  const postPurchase = await benchPostPurchase();
  for (const line of postPurchase.lines) process.stdout.write(`  ${line}\n`);
  process.stdout.write(`\nbackend under load (${CONNECTIONS} connections, ${SECONDS} s a route; alone: npm run bench -- --backend):\n`);
  const backendLoad = await benchBackendLoad();
  for (const line of backendLoad.lines) process.stdout.write(`  ${line}\n`);
  process.stdout.write(`\nthe studio under mixed traffic (${STUDIO_SECONDS} s; alone: npm run bench -- --studio):\n`);
  const studioLoad = await benchStudioLoad();
  for (const line of studioLoad.lines) process.stdout.write(`  ${line}\n`);
  process.stdout.write("\nLighthouse (mobile, simulated throttling) on the studio's pages:\n");
  const lighthouseRun = await benchLighthouse();
  for (const line of lighthouseRun.lines) process.stdout.write(`  ${line}\n`);
  process.stdout.write(
    `\nbench: overhead ${overheadOk ? 'within' : 'OVER'} goal; Dawn with Encore ${host.withinGoal ? 'within' : 'OVER'} goal; ${slow.length ? `slow filters: ${slow.join(', ')}` : 'every filter within goal'}; liquid-spec pages ${liquidSpecPages.withinGoal ? 'within' : 'OVER'} goal; domain core ${core.withinGoals ? 'within' : 'OVER'} goals; post-purchase signing ${postPurchase.withinGoals ? 'within' : 'OVER'} goals; backend load ${backendLoad.withinGoals ? 'within' : 'OVER'} goals; studio load ${studioLoad.withinGoals ? 'within' : 'OVER'} goals; Lighthouse performance ${lighthouseRun.withinGoal ? 'within' : 'OVER'} goal\n`,
  );
}, 'Usage: npm run bench [-- --backend | --studio | --liquid-spec]');

async function median(run: () => Promise<unknown>, runs = RUNS, warmup = WARMUP): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Both medians from alternating runs, so drift in the machine's load or the JIT hits both alike. */
async function medians(a: () => Promise<unknown>, b: () => Promise<unknown>, runs = 3 * RUNS): Promise<[number, number]> {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [slot, run] of [
      [0, a],
      [1, b],
    ] as const) {
      const start = performance.now();
      await run();
      times[slot].push(performance.now() - start);
    }
  }
  const middle = (list: number[]) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)];
  return [middle(times[0]), middle(times[1])];
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

/**
 * liquidjs as it comes, with every Shopify filter a pass-through and the theme
 * tags reduced to rendering their bodies: the floor the engine is measured against.
 */
function bareLiquid(themeDir: string): Liquid {
  const liquid = new Liquid({ root: [themeDir], partials: [`${themeDir}/snippets`], extname: '.liquid', cache: true });
  const registry = liquid as unknown as { filters: Record<string, unknown> };
  for (const { name } of documentedFilters()) {
    if (!Object.hasOwn(registry.filters, name)) liquid.registerFilter(name, (value: unknown) => value);
  }
  class BodyTag extends Tag {
    private readonly templates: Template[];
    constructor(token: TagToken, remain: TopLevelToken[], l: Liquid) {
      super(token, remain, l);
      this.templates = parseBody(token, remain, l);
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
    }
  }
  class SilentTag extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], l: Liquid) {
      super(token, remain, l);
      readRawBody(token, remain);
    }
    *render(): Generator<unknown, void, unknown> {}
  }
  for (const name of ['paginate', 'form', 'style']) liquid.registerTag(name, BodyTag);
  for (const name of ['schema', 'doc', 'stylesheet', 'javascript']) liquid.registerTag(name, SilentTag);
  return liquid;
}

/** One representative call per filter family: [label, input expression, filter chain], with the inputs a customer page gives it. */
const FILTER_CASES: [string, string, string][] = [
  ['money', '113465', 'money'],
  ['money_with_currency', '113465', 'money_with_currency'],
  ['money_without_trailing_zeros', '113400', 'money_without_trailing_zeros'],
  ['t (interpolation)', "'encore.order.title'", "t: name: '#1001'"],
  ["date: '%B %d, %Y'", "'2022-04-14T20:56:02Z'", "date: '%B %d, %Y'"],
  ["date: format: 'abbreviated_date'", "'2022-04-14T20:56:02Z'", "date: format: 'abbreviated_date'"],
  ['time_tag', "'2022-04-14T20:56:02Z'", 'time_tag'],
  ['format_address', 'address', 'format_address'],
  ['image_url: width: 200', 'image', 'image_url: width: 200'],
  ['image_url | image_tag', 'image', 'image_url: width: 200 | image_tag'],
  ['handleize', "'100% M & Ms!!!'", 'handleize'],
  ['pluralize', '3', "pluralize: 'item', 'items'"],
  ['json', 'address', 'json'],
  ['link_to', "'Shopify'", "link_to: 'https://www.shopify.com', 'title'"],
  ['url_for_vendor', "'Polina & Co'", 'url_for_vendor'],
  ['weight_with_unit', '2500', 'weight_with_unit'],
  ['md5', "'customer@example.com'", 'md5'],
  ['sha256', "'customer@example.com'", 'sha256'],
  ['divided_by (Ruby integer)', '10', 'divided_by: 3'],
  ['times (exact decimal)', '0.0725', 'times: 100'],
];

async function filterTimings(): Promise<[string, number][]> {
  const liquid = createLiquid();
  const calls = 2000;
  const scope = {
    address: {
      first_name: 'Casey',
      last_name: 'Jensen',
      address1: '12 Harbour St',
      city: 'Ottawa',
      province: 'Ontario',
      province_code: 'ON',
      zip: 'K1A 0B1',
      country: 'Canada',
      country_code: 'CA',
    },
    image: { src: '//example.myshopify.com/cdn/shop/files/candle.jpg', width: 1200, height: 1200, alt: 'Candle' },
  };
  const translations = { encore: { order: { title: 'Order {{ name }}' } } };
  const globals = globalsWithState({}, defaultRenderState({ locale: { code: 'en', translations, defaultTranslations: translations } }));
  const loop = (body: string) => liquid.parse(`{%- for i in (1..${calls}) -%}${body}{%- endfor -%}`);
  const time = async (templates: Template[]) => median(() => liquid.render(templates, scope, { globals }), 21, 5);
  const results: [string, number][] = [];
  for (const [name, input, chain] of FILTER_CASES) {
    // The same loop reading the bare input is subtracted, leaving the filters' own cost.
    const baseline = await time(loop(`{%- assign value = ${input} -%}`));
    const elapsed = await time(loop(`{{ ${input} | ${chain} }}`));
    results.push([name, Math.max(0, ((elapsed - baseline) * 1000) / calls)]);
  }
  return results;
}
