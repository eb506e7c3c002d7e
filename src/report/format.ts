import type { Decimal } from '../core/decimal.js';
import type { CostRange } from '../estimate/types.js';

/**
 * Number formatting for people. Rounding here is presentation only: every figure passed in was
 * computed exactly by the estimate stage.
 */

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** $1,234.56 (and -$12.00). */
export function money(value: Decimal): string {
  const fixed = value.toFixed(2);
  const negative = fixed.startsWith('-');
  const [i, f] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}$${groupThousands(i)}.${f}`;
}

/** +$412.80 / -$12.00 / $0.00. */
export function signedMoney(value: Decimal): string {
  if (value.toFixed(2) === '0.00' || value.toFixed(2) === '-0.00') return '$0.00';
  return value.isNegative() ? money(value) : `+${money(value)}`;
}

/** A unit price exactly as published: $0.096, $0.0000166667, $16.43. */
export function unitPrice(value: Decimal): string {
  const text = value.toString();
  const [i, f = ''] = text.split('.');
  const frac = f.length < 2 ? f.padEnd(2, '0') : f;
  return `$${groupThousands(i)}.${frac}`;
}

/** Quantities with thousands separators and at most four decimals (730, 1,000, 0.1221). */
export function quantity(value: Decimal): string {
  const text = value.toFixed(4).replace(/\.?0+$/, '');
  const [i, f] = text.split('.');
  return f ? `${groupThousands(i)}.${f}` : groupThousands(i);
}

/** +11.4 % */
export function percent(value: Decimal, places = 1): string {
  const text = value.toFixed(places);
  return `${value.isNegative() ? '' : '+'}${text} %`;
}

/** $412.80 for both 412.80 and -412.80, where words ("adds", "saves") carry the sign. */
export function unsignedMoney(value: Decimal): string {
  const text = money(value);
  return text.startsWith('-') ? text.slice(1) : text;
}

/** A cost that may be unknown: the amount, or why it is not shown; with its usage range if any. */
export function costOrReason(cost: Decimal | null, unpriced: boolean, range?: CostRange): string {
  if (range) return withRange(cost, range);
  if (cost !== null) return money(cost);
  return unpriced ? 'not priced' : 'depends on usage';
}

/** $10.00 – $40.00 */
export function moneyRange(r: CostRange): string {
  return `${money(r.low)} – ${money(r.high)}`;
}

/** +$10.00 – +$40.00 */
export function signedMoneyRange(r: CostRange): string {
  return `${signedMoney(r.low)} – ${signedMoney(r.high)}`;
}

/**
 * "$40.00 (range $37.35 – $50.85)"; the range alone when the point figure is unknown; and when the
 * point figure leaves the ranged usage out (no `expected` value), the range first, saying so.
 */
export function withRange(cost: Decimal | null, range: CostRange): string {
  if (cost === null) return moneyRange(range);
  if (cost.lt(range.low) || cost.gt(range.high)) return `${moneyRange(range)} (${money(cost)} without the ranged usage)`;
  return `${money(cost)} (range ${moneyRange(range)})`;
}

/** A whole count with thousands separators (1,234). Not toLocaleString: ICU's start-up costs ~10 ms. */
export function count(n: number): string {
  return n < 0 ? `-${groupThousands(String(-n))}` : groupThousands(String(n));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
