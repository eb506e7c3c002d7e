import { Decimal } from '../core/decimal.js';
import type { PriceQuery } from '../pricing/types.js';
import type { CostComponentSpec, Quantity } from './types.js';
import type { ResourceView } from './view.js';

function dec(n: Decimal | number): Decimal {
  return typeof n === 'number' ? Decimal.fromNumber(n) : n;
}

/** Runs every hour of the month: n units per hour. */
export function perHour(n: Decimal | number): Quantity {
  return { perHour: dec(n) };
}

export function perMonth(n: Decimal | number): Quantity {
  return { perMonth: dec(n) };
}

/** A monthly quantity that comes from usage; null (price shown, cost unknown) when not given. */
export function fromUsage(value: Decimal | undefined, times: Decimal | number = 1): Quantity {
  return value === undefined ? null : { perMonth: value.times(dec(times)) };
}

/**
 * Hours a resource runs: all month, unless the usage file says `monthly_hrs` (Infracost's key
 * for instances that do not run around the clock).
 */
export function runningHours(r: ResourceView, count: Decimal | number = 1): Quantity {
  const monthlyHours = r.usageNum('monthly_hrs');
  if (monthlyHours !== undefined) return { perMonth: monthlyHours.times(dec(count)) };
  return { perHour: dec(count) };
}

/**
 * A line priced per unit of one usage-file figure: listed with its price always, costed when the
 * usage file gives `key`.
 */
export function usageLine(r: ResourceView, key: string, line: { name: string; unit: string; price: PriceQuery }): CostComponentSpec {
  return { name: line.name, unit: line.unit, price: line.price, quantity: fromUsage(r.usageNum(key)), usageBased: true };
}
