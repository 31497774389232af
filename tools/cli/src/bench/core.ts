import { performance } from 'node:perf_hooks';
import { generateStore } from '@encore/fixtures/generate.ts';
import { orderJourney } from '@encore/core/journey.ts';
import { buyAgain, recommendProducts } from '@encore/core/recommendations.ts';
import type { Store } from '@encore/fixtures/types.ts';

/** Issue goals: recommendations over 1,000 orders × 5 lines and 10,000 products, and the journey of a 250-line order. */
export const RECOMMENDATION_GOAL_MS = 10;
export const JOURNEY_GOAL_MS = 1;
/** History sizes for the scaling report; the goal size last. */
const HISTORY_SIZES = [1, 10, 100, 1000];
const CATALOG_SIZE = 10_000;
const LINES_PER_ORDER = 5;

export interface CoreBenchResult {
  lines: string[];
  withinGoals: boolean;
}

/** Median of `runs` timed calls after `warmup` untimed ones, in milliseconds. */
function medianMs(run: () => unknown, runs: number, warmup = Math.max(3, runs >> 2)): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function historyStore(orders: number): Store {
  return generateStore({ seed: 2026, customers: 1, ordersPerCustomer: orders, linesPerOrder: LINES_PER_ORDER, catalogSize: CATALOG_SIZE });
}

/** The domain core's benchmarks: recommendations by history size (to show the cost grows linearly), buy again, and the journey. */
export function benchCore(): CoreBenchResult {
  const lines: string[] = [];
  let withinGoals = true;
  const perOrder: number[] = [];
  for (const size of HISTORY_SIZES) {
    const store = historyStore(size);
    const history = store.customers[0].orders;
    const now = store.shop.now ?? '2026-03-19T12:00:00Z';
    const input = { products: store.products, collections: store.collections, history, storeOrders: history, now };
    const ms = medianMs(() => recommendProducts(input), size >= 1000 ? 30 : 60);
    const again = medianMs(() => buyAgain({ products: store.products, history, now }), size >= 1000 ? 30 : 60);
    perOrder.push(ms / size);
    const goal = size === 1000 ? ` (goal ≤ ${RECOMMENDATION_GOAL_MS} ms)` : '';
    if (size === 1000) withinGoals &&= ms <= RECOMMENDATION_GOAL_MS;
    lines.push(
      `recommendations, ${String(size).padStart(4)} orders × ${LINES_PER_ORDER} lines, ${CATALOG_SIZE.toLocaleString('en')} products: ${ms.toFixed(3)} ms${goal}; buy again ${again.toFixed(3)} ms`,
    );
  }
  // Linear: from 10 to 1,000 orders (100×) the time should grow about 100×, not more.
  const growth = (perOrder[3] * 1000) / (perOrder[1] * 10);
  lines.push(`  growth from 10 to 1,000 orders: ${growth.toFixed(0)}× for 100× the history (linear is ≤ 100×)`);

  const big = generateStore({ seed: 250, customers: 1, ordersPerCustomer: 1, linesPerOrder: 250, catalogSize: 500 });
  const order = big.customers[0].orders[0];
  const journeyMs = medianMs(() => orderJourney(order, { now: big.shop.now ?? '2026-03-19T12:00:00Z' }), 200);
  withinGoals &&= journeyMs <= JOURNEY_GOAL_MS;
  lines.push(
    `journey of a 250-line order (${order.fulfillments.length} fulfillments, ${order.refunds.length} refunds): ${journeyMs.toFixed(3)} ms (goal ≤ ${JOURNEY_GOAL_MS} ms)`,
  );
  return { lines, withinGoals };
}
