import type { Decimal } from '../core/decimal.js';

/**
 * What a cost component asks the price source for. The vocabulary is the AWS Price List's own
 * (service codes, productFamily, attribute names and values), so the same query can be answered
 * by the shipped cache or, on a miss, by `GetProducts` with one TERM_MATCH filter per attribute.
 */
export interface PriceQuery {
  /** Price List service code: AmazonEC2, AmazonRDS, AWSELB, … */
  service: string;
  /** AWS region code (us-east-1) or `global` for location-less products. */
  region: string;
  productFamily?: string;
  /** Product attributes that must all match exactly (TERM_MATCH). */
  attributes: Record<string, string>;
  /** Only on-demand list prices are priced today. */
  purchaseOption?: 'on_demand';
  /** The price dimension's unit as the Price List writes it (Hrs, GB-Mo, IOPS-Mo, …). */
  unit?: string;
}

/** Where a price came from, carried with every priced component. */
export interface PriceProvenance {
  /** `snapshot` (imported dataset shipped in pricing-cache/) or `price-list-api`. */
  kind: 'snapshot' | 'price-list-api';
  /** Dataset or API the number was read from (repo@commit:path, or the API endpoint). */
  source: string;
  /** Effective or publication date of the source, or the fetch time for the API. */
  date: string;
  /** The Price List rate code (SKU.offerTermCode.rateCode) when known. */
  rateCode?: string;
}

/** One tier of a tiered price: applies to quantities in [start, end). `end` undefined = no cap. */
export interface PriceTier {
  start: Decimal;
  end?: Decimal;
  usd: Decimal;
  provenance: PriceProvenance;
}

/** A resolved price: a unit and one or more tiers (most prices have exactly one, from 0). */
export interface Price {
  unit: string;
  tiers: PriceTier[];
}

export type PriceResult =
  | { found: true; price: Price }
  | { found: false; reason: string };

/** Anything that answers price queries: the cache, the Price List API, or both in a chain. */
export interface PriceSource {
  lookup(query: PriceQuery): Promise<PriceResult>;
}

/** Canonical text form of a query, used as a memo key and in messages. */
export function describeQuery(q: PriceQuery): string {
  const attrs = Object.keys(q.attributes)
    .sort()
    .map((k) => `${k}=${q.attributes[k]}`)
    .join(', ');
  return `${q.service}/${q.region}${q.productFamily ? ` ${q.productFamily}` : ''} {${attrs}}${q.unit ? ` per ${q.unit}` : ''}`;
}

/** Queries are built once per component and asked about several times: key each once. */
const keys = new WeakMap<PriceQuery, string>();

export function queryKey(q: PriceQuery): string {
  let key = keys.get(q);
  if (key === undefined) {
    key = computeQueryKey(q);
    keys.set(q, key);
  }
  return key;
}

function computeQueryKey(q: PriceQuery): string {
  // Built by concatenation, not map/join: every component's query is keyed once (13k in a 10k plan).
  let key = `${q.service}\u0002${q.region}\u0002${q.productFamily ?? ''}\u0002${q.purchaseOption ?? 'on_demand'}\u0002${q.unit ?? ''}\u0002`;
  const names = Object.keys(q.attributes).sort();
  for (let i = 0; i < names.length; i++) key += `${i ? '\u0001' : ''}${names[i]}\u0000${q.attributes[names[i]]}`;
  return key;
}
