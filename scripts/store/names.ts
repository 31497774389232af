/** "#1001" → "1001": what the CLI (and the order page URL) calls an order. */
export function orderIdOf(name: string): string {
  return name.replace(/^#/, '');
}
