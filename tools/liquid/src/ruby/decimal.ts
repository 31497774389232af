/**
 * Ruby Liquid turns Floats into BigDecimal before `plus`/`minus`/`times`, so
 * `0.0725 | times: 100` is exactly 7.25. A number's shortest decimal spelling
 * (what both Ruby's Float#to_s and JS's String() produce) as a scaled BigInt
 * gives the same exactness for a fraction of a microsecond.
 */
interface Decimal {
  digits: bigint;
  scale: number;
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function toDecimal(n: number): Decimal | undefined {
  const match = PLAIN_DECIMAL.exec(String(n));
  if (!match) return undefined;
  const fraction = match[3] ?? '';
  return { digits: BigInt(`${match[1]}${match[2]}${fraction}`), scale: fraction.length };
}

function fromDecimal(d: Decimal): number {
  if (d.scale === 0) return Number(d.digits);
  const negative = d.digits < 0n;
  const text = (negative ? -d.digits : d.digits).toString().padStart(d.scale + 1, '0');
  const cut = text.length - d.scale;
  return Number(`${negative ? '-' : ''}${text.slice(0, cut)}.${text.slice(cut)}`);
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.digits * 10n ** BigInt(scale - a.scale), b.digits * 10n ** BigInt(scale - b.scale), scale];
}

export function decimalAdd(a: number, b: number): number {
  const x = toDecimal(a);
  const y = toDecimal(b);
  if (!x || !y) return a + b;
  const [p, q, scale] = align(x, y);
  return fromDecimal({ digits: p + q, scale });
}

export function decimalSubtract(a: number, b: number): number {
  return decimalAdd(a, -b);
}

export function decimalMultiply(a: number, b: number): number {
  const x = toDecimal(a);
  const y = toDecimal(b);
  if (!x || !y) return a * b;
  return fromDecimal({ digits: x.digits * y.digits, scale: x.scale + y.scale });
}

/** Round half away from zero at `places` decimals (BigDecimal's ROUND_HALF_UP), exactly. */
export function decimalRound(n: number, places: number): number {
  const d = toDecimal(n);
  if (!d || places >= d.scale) return n;
  const drop = 10n ** BigInt(d.scale - places);
  const negative = d.digits < 0n;
  const magnitude = negative ? -d.digits : d.digits;
  let kept = magnitude / drop;
  if ((magnitude % drop) * 2n >= drop) kept += 1n;
  if (places >= 0) return fromDecimal({ digits: negative ? -kept : kept, scale: places });
  return Number(negative ? -kept : kept) * 10 ** -places;
}
