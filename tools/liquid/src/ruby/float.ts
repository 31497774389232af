import { Drop } from 'liquidjs';

/**
 * Ruby distinguishes Integer from Float (`{{ 1.0 }}` prints "1.0", `10 / 3` is 3),
 * JavaScript has one number type. We keep plain JS numbers for integers and for
 * floats with a fractional part (they already print right), and box only the
 * values that must print as Floats but hold an integral value — `1.0`,
 * `2.5 | times: 2` — in a RubyFloat. It is a liquidjs Drop whose valueOf() is
 * the number, so comparisons, truthiness and builtin filters see a plain number
 * while our numeric filters and the output stage can still tell it was a Float.
 */
export class RubyFloat extends Drop {
  constructor(readonly value: number) {
    super();
  }

  override valueOf(): number {
    return this.value;
  }

  toString(): string {
    return formatRubyFloat(this.value);
  }

  toJSON(): number {
    return this.value;
  }
}

/** A number result typed as Float: boxed only when JS would print it like an Integer. */
export function rubyFloat(n: number): number | RubyFloat {
  return Number.isInteger(n) ? new RubyFloat(n) : n;
}

/** Ruby's Float#to_s: "1.0", "0.1", "1.0e+16", "1.0e-05", "Infinity", "NaN". */
export function formatRubyFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  // Ruby's Float#to_s writes 16 or more integer digits in exponent form: 999999999999999.0 stays, 1.0e+15 does not.
  if (abs >= 1e15 || abs < 1e-4) return formatExponent(n);
  const plain = String(n);
  return plain.includes('.') ? plain : `${plain}.0`;
}

function formatExponent(n: number): string {
  const [mantissa, exponent] = n.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${digits}e${sign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
}
