/**
 * `npm run bench`'s host-theme part: Encore's order page inside Dawn 15.4.1 (a temporary copy with
 * `npm run theme:add`, through Dawn's own layout, header and footer) beside the same page in Encore's own theme,
 * for the same orders, measured side by side in one run. Goal: Dawn with Encore's sections within 1.5× Encore's
 * own theme, whose layout is a bare frame.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_THEME_DIR, Storefront } from '@encore/studio/storefront.ts';
import { applyPlan, planAdd } from '../theme-add/plan.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { besideModule } from '@encore/liquid/paths.ts';

export const HOST_THEME_GOAL = 1.5;
const DAWN = besideModule(import.meta.url, '../../../../../shared/themes/dawn-15.4.1');

type Medians = (a: () => Promise<unknown>, b: () => Promise<unknown>) => Promise<[number, number]>;

export async function benchHostTheme(store: Store, orders: string[], medians: Medians): Promise<{ lines: string[]; withinGoal: boolean }> {
  if (!fs.existsSync(path.join(DAWN, 'layout', 'theme.liquid'))) {
    return { lines: [`skipped: Dawn 15.4.1 is not at ${DAWN}`], withinGoal: true };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-bench-dawn-'));
  try {
    fs.cpSync(DAWN, dir, { recursive: true });
    applyPlan(dir, planAdd(dir, DEFAULT_THEME_DIR));
    const dawn = new Storefront({ themeDir: dir, store, watch: true });
    const own = new Storefront({ themeDir: DEFAULT_THEME_DIR, store, watch: true });
    const lines: string[] = [];
    let withinGoal = true;
    for (const order of orders) {
      const lineCount = store.customers.flatMap((customer) => customer.orders).find((candidate) => candidate.name === `#${order}`)?.line_items.length;
      const page = { template: 'customers/order' as const, order };
      const [inDawn, inOwn] = await medians(
        () => dawn.render(page),
        () => own.render(page),
      );
      const ratio = inDawn / inOwn;
      withinGoal &&= ratio <= HOST_THEME_GOAL;
      lines.push(
        `customers/order #${order}, ${lineCount} line items: Dawn with Encore's section ${inDawn.toFixed(2)} ms, Encore's own theme ${inOwn.toFixed(2)} ms: ${ratio.toFixed(2)}× (goal ≤ ${HOST_THEME_GOAL}×)`,
      );
      // The section alone (Section Rendering API): what Encore's own Liquid costs inside the host theme, without its chrome.
      const section = { query: new URLSearchParams({ section_id: 'main' }) };
      const [sectionInDawn, sectionInOwn] = await medians(
        () => dawn.render(page, section),
        () => own.render(page, section),
      );
      lines.push(
        `  the section alone (?section_id=main): ${sectionInDawn.toFixed(2)} ms inside Dawn, ${sectionInOwn.toFixed(2)} ms in Encore's own theme: ${(sectionInDawn / sectionInOwn).toFixed(2)}×`,
      );
    }
    return { lines, withinGoal };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
