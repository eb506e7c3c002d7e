import { describeQuery, type PriceQuery } from '../types.js';
import type { Filter } from './client.js';
import { samePrices, type PriceListProduct, type PriceRow } from './parse.js';
import { regionField, usageTypeMatches } from './services.js';

/**
 * A `PriceQuery` as GetProducts filters, and the client-side choice among the products it returns.
 * `usagetype` is never sent: outside us-east-1 its Price List values carry a region prefix
 * (EUS2-BoxUsage:m5.large) that queries leave out, so it is matched here on the suffix.
 */
export function queryFilters(q: PriceQuery): Filter[] {
  const filters: Filter[] = [{ field: 'ServiceCode', value: q.service }];
  if (q.region !== 'global') filters.push({ field: regionField(q.service), value: q.region });
  if (q.productFamily !== undefined) filters.push({ field: 'productFamily', value: q.productFamily });
  for (const [field, value] of Object.entries(q.attributes).sort(([a], [b]) => a.localeCompare(b))) {
    if (field !== 'usagetype') filters.push({ field, value });
  }
  return filters;
}

/** Exact check of what the server matched (TERM_MATCH ignores case) plus the usagetype suffix. */
export function productMatches(p: PriceListProduct, q: PriceQuery): boolean {
  if (p.serviceCode && p.serviceCode !== q.service) return false;
  if (q.productFamily !== undefined && p.family !== q.productFamily) return false;
  const field = regionField(q.service);
  if (q.region === 'global' ? p.attributes[field] !== undefined : p.attributes[field] !== q.region) return false;
  for (const [k, v] of Object.entries(q.attributes)) {
    if (k === 'usagetype' ? !usageTypeMatches(p.attributes[k], v) : p.attributes[k] !== v) return false;
  }
  return true;
}

export type Selection =
  | { found: true; sku: string; prices: PriceRow[]; skus: string[] }
  | { found: false; reason: string };

/**
 * Picks the price deterministically: matching products sorted by SKU must all agree; several
 * different prices mean the query does not say enough, which is reported, never guessed.
 */
export function selectPrice(q: PriceQuery, products: PriceListProduct[]): Selection {
  const candidates = products
    .filter((p) => productMatches(p, q))
    .sort((a, b) => a.sku.localeCompare(b.sku))
    .map((p) => ({ p, rows: q.unit === undefined ? p.prices : p.prices.filter((r) => r.unit === q.unit) }));
  const priced = candidates.filter((c) => c.rows.length > 0 && !c.p.problem);
  if (priced.length === 0) {
    const problem = candidates.find((c) => c.p.problem)?.p.problem;
    if (problem) return { found: false, reason: `the AWS Price List cannot price ${describeWanted(q)} in ${q.region}: ${problem}` };
    return { found: false, reason: `the AWS Price List has no ${describeWanted(q)} price${q.unit ? ` per ${q.unit}` : ''} in ${q.region}` };
  }
  const units = new Set(priced.flatMap((c) => c.rows.map((r) => r.unit)));
  if (units.size > 1) {
    return { found: false, reason: `ambiguous: the AWS Price List has ${describeWanted(q)} prices in ${units.size} units (${[...units].join(', ')}) in ${q.region}` };
  }
  const [first] = priced;
  const differing = priced.filter((c) => !samePrices(c.rows, first.rows));
  if (differing.length > 0) {
    return {
      found: false,
      reason: `ambiguous: ${priced.length} AWS Price List products (${priced.map((c) => c.p.sku).join(', ')}) have different ${describeWanted(q)} prices in ${q.region}`,
    };
  }
  return { found: true, sku: first.p.sku, prices: first.rows, skus: priced.map((c) => c.p.sku) };
}

/** "Compute Instance m5.large Linux …" for messages; the full query when it has no attributes. */
export function describeWanted(q: PriceQuery): string {
  const attrs = Object.entries(q.attributes).map(([, v]) => v);
  const text = [q.productFamily, ...attrs].filter(Boolean).join(' ');
  return text || describeQuery(q);
}
