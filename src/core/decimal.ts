/**
 * Exact decimal arithmetic for money and quantities.
 *
 * A value is a BigInt count of 10^-18 units. AWS publishes unit prices with up to ten decimals
 * (Lambda's 0.0000166667 per GB-second) and quantities can be fractional (GB-seconds, GiBps), so
 * micro-units are not fine enough; eighteen places keep every product of a published price and a
 * realistic quantity exact, and sums never drift the way binary floats do.
 * Division (hourly = monthly / 730, per-unit ratios) is the only inexact operation; it rounds
 * half-up at the last place and is used only for derived, displayed figures.
 */
const SCALE_DIGITS = 18;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/** 10^0 … 10^18 as BigInts, so rounding does not recompute powers per call. */
const POW10 = Array.from({ length: SCALE_DIGITS + 1 }, (_, i) => 10n ** BigInt(i));
/** Largest integer every smaller one of which is an exact double (2^53). */
const MAX_EXACT = 2n ** 53n;

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

export class Decimal {
  /** Value in units of 10^-18. */
  readonly scaled: bigint;

  private constructor(scaled: bigint) {
    this.scaled = scaled;
  }

  static readonly ZERO = new Decimal(0n);
  static readonly ONE = new Decimal(SCALE);

  /** Parses a decimal string ("0.096", "1e6", "-3.5"). Throws on anything else. */
  static parse(text: string): Decimal {
    const m = DECIMAL_PATTERN.exec(text.trim());
    if (!m) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
    const [, sign, intPart, fracPart = '', expPart] = m;
    const exp = expPart ? Number(expPart) : 0;
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 60) {
      throw new RangeError(`number out of range: ${text}`);
    }
    // digits * 10^(exp - fracLen) expressed in 10^-18 units.
    const digits = BigInt(intPart + fracPart);
    const shift = exp - fracPart.length + SCALE_DIGITS;
    let scaled: bigint;
    if (shift >= 0) {
      scaled = digits * 10n ** BigInt(shift);
    } else {
      scaled = roundDiv(digits, 10n ** BigInt(-shift));
    }
    return new Decimal(sign === '-' ? -scaled : scaled);
  }

  /**
   * Converts a JS number as written in its shortest decimal form (what JSON.parse produced).
   * 0.1 becomes exactly 0.1, not 0.1000000000000000055…
   */
  static fromNumber(n: number): Decimal {
    if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
    return Decimal.parse(String(n));
  }

  static fromInt(n: number | bigint): Decimal {
    return new Decimal(BigInt(n) * SCALE);
  }

  /** Accepts a number or numeric string; returns undefined for anything else. */
  static tryFrom(value: unknown): Decimal | undefined {
    if (typeof value === 'number' && Number.isFinite(value)) {
      // Like the string case: beyond the supported exponent (1e308, 5e-324) is "not a number here".
      try {
        return Decimal.fromNumber(value);
      } catch {
        return undefined;
      }
    }
    if (typeof value === 'string' && DECIMAL_PATTERN.test(value.trim())) {
      try {
        return Decimal.parse(value);
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  static sum(values: Iterable<Decimal>): Decimal {
    let total = 0n;
    for (const v of values) total += v.scaled;
    return new Decimal(total);
  }

  static max(a: Decimal, b: Decimal): Decimal {
    return a.scaled >= b.scaled ? a : b;
  }

  static min(a: Decimal, b: Decimal): Decimal {
    return a.scaled <= b.scaled ? a : b;
  }

  plus(other: Decimal): Decimal {
    return new Decimal(this.scaled + other.scaled);
  }

  minus(other: Decimal): Decimal {
    return new Decimal(this.scaled - other.scaled);
  }

  times(other: Decimal): Decimal {
    // Values are immutable, so ×1 can answer itself (per-unit sizes and counts are often 1).
    if (other.scaled === SCALE) return this;
    return new Decimal(roundDiv(this.scaled * other.scaled, SCALE));
  }

  /** Rounded half-up at 10^-18; throws on division by zero. */
  dividedBy(other: Decimal): Decimal {
    if (other.scaled === 0n) throw new RangeError('division by zero');
    if (other.scaled === SCALE) return this;
    return new Decimal(roundDiv(this.scaled * SCALE, other.scaled));
  }

  negated(): Decimal {
    return new Decimal(-this.scaled);
  }

  isZero(): boolean {
    return this.scaled === 0n;
  }

  isNegative(): boolean {
    return this.scaled < 0n;
  }

  isPositive(): boolean {
    return this.scaled > 0n;
  }

  cmp(other: Decimal): -1 | 0 | 1 {
    return this.scaled < other.scaled ? -1 : this.scaled > other.scaled ? 1 : 0;
  }

  eq(other: Decimal): boolean {
    return this.scaled === other.scaled;
  }

  gt(other: Decimal): boolean {
    return this.scaled > other.scaled;
  }

  lt(other: Decimal): boolean {
    return this.scaled < other.scaled;
  }

  /** Smallest integer ≥ this value. */
  ceil(): Decimal {
    const q = this.scaled / SCALE;
    const r = this.scaled % SCALE;
    return new Decimal((r > 0n ? q + 1n : q) * SCALE);
  }

  /** Largest integer ≤ this value. */
  floor(): Decimal {
    const q = this.scaled / SCALE;
    const r = this.scaled % SCALE;
    return new Decimal((r < 0n ? q - 1n : q) * SCALE);
  }

  /** Rounds half away from zero to `places` decimals (how a bill rounds cents). */
  round(places: number): Decimal {
    const unit = pow10(SCALE_DIGITS - places);
    return new Decimal(roundDiv(this.scaled, unit) * unit);
  }

  /** Fixed-point string with exactly `places` decimals, rounded half away from zero. */
  toFixed(places: number): string {
    const unit = pow10(SCALE_DIGITS - places);
    const q = roundDiv(this.scaled, unit);
    const neg = q < 0n;
    const digits = (neg ? -q : q).toString().padStart(places + 1, '0');
    const intPart = places > 0 ? digits.slice(0, -places) : digits;
    const frac = places > 0 ? '.' + digits.slice(-places) : '';
    return (neg ? '-' : '') + intPart + frac;
  }

  /** Shortest exact decimal string ("0.096", "730", "-12.5"). */
  toString(): string {
    const neg = this.scaled < 0n;
    const abs = neg ? -this.scaled : this.scaled;
    const intPart = abs / SCALE;
    let frac = (abs % SCALE).toString().padStart(SCALE_DIGITS, '0').replace(/0+$/, '');
    return (neg ? '-' : '') + intPart.toString() + (frac ? '.' + frac : '');
  }

  /**
   * A JS number rounded to `places` decimals, for JSON output only. The rounding happens in
   * exact arithmetic first, so the number printed is the shortest representation of the exact
   * rounded value.
   */
  toNumber(places = SCALE_DIGITS): number {
    // Fast paths, same results as parsing the decimal strings: when an integer q and 10^p are
    // exact doubles, IEEE division rounds q / 10^p correctly, exactly as parsing "q·10^-p" does.
    // This spares a string round-trip for every number in a JSON report.
    if (places >= 0 && places < SCALE_DIGITS) {
      const q = roundDiv(this.scaled, pow10(SCALE_DIGITS - places));
      return isExactDouble(q) ? Number(q) / 10 ** places : Number(this.toFixed(places));
    }
    // Unrounded: most prices and quantities have at most 9 decimals.
    const nano = POW10[9];
    if (this.scaled % nano === 0n && isExactDouble(this.scaled / nano)) return Number(this.scaled / nano) / 1e9;
    if (isExactDouble(this.scaled)) return Number(this.scaled) / 1e18;
    return Number(this.toString());
  }

  toJSON(): string {
    return this.toString();
  }
}

function isExactDouble(n: bigint): boolean {
  return n <= MAX_EXACT && n >= -MAX_EXACT;
}

function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/** Integer division rounding half away from zero. */
function roundDiv(n: bigint, d: bigint): bigint {
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = an / ad;
  const r = an % ad;
  const rounded = r * 2n >= ad ? q + 1n : q;
  return neg ? -rounded : rounded;
}

export const HOURS_PER_MONTH = Decimal.fromInt(730);
