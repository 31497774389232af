import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliMain, parseOptions, runAsScript, UsageError } from './run.ts';
import { generateStore, type GenerateOptions } from '@encore/fixtures/generate.ts';
import { parseStore } from '@encore/fixtures/load.ts';

const USAGE = `Usage:
  npm run generate -- [--seed N] [--customers N] [--orders N] [--lines N] [--products N] [--collections N] [--out FILE]

Writes a generated store fixture as JSON (stdout unless --out). The same
options always give the same store.
  --seed         any integer (default 1)
  --customers    customers (default 10)
  --orders       orders per customer (default 5)
  --lines        lines per order (default 3)
  --products     catalog size (default 100)
  --collections  collections (default: one per product type)`;

/** `npm run generate` with `argv`. */
export const generate = cliMain(USAGE, (argv, io) => {
  const { values } = parseOptions(
    {
      seed: { type: 'string' },
      customers: { type: 'string' },
      orders: { type: 'string' },
      lines: { type: 'string' },
      products: { type: 'string' },
      collections: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    argv,
  );
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return;
  }
  const options: GenerateOptions = {
    seed: integer('--seed', values.seed, 1, -Infinity),
    customers: integer('--customers', values.customers, 10),
    ordersPerCustomer: integer('--orders', values.orders, 5),
    linesPerOrder: integer('--lines', values.lines, 3),
    catalogSize: integer('--products', values.products, 100),
    collections: values.collections === undefined ? undefined : integer('--collections', values.collections, 0),
  };
  let store;
  try {
    store = generateStore(options);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  // A generator bug must never reach a file: the store goes through the same checks as a hand-written one.
  parseStore(store, 'generated store');
  const json = `${JSON.stringify(store, null, 2)}\n`;
  if (values.out === undefined) {
    io.stdout.write(json);
    return;
  }
  writeFileSync(path.resolve(values.out), json);
  const orders = store.customers.reduce((total, customer) => total + customer.orders.length, 0);
  io.stderr.write(
    `wrote ${store.products.length} products, ${store.collections.length} collections, ${store.customers.length} customers and ${orders} orders to ${values.out}\n`,
  );
});

runAsScript(import.meta.url, generate);

function integer(option: string, text: string | undefined, fallback: number, min = 0): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${option} must be a whole number${min === 0 ? ' from 0' : ''}, got '${text}'`);
  }
  return value;
}
