import { Decimal } from '../../core/decimal.js';
import { UserError } from '../../core/errors.js';

/**
 * GetProducts answers with one JSON document per product (the `aws_v1` format): the product's
 * attributes and its terms. Only on-demand price dimensions are read.
 */

interface RawDimension {
  unit?: string;
  beginRange?: string;
  endRange?: string;
  rateCode?: string;
  pricePerUnit?: Record<string, string>;
}

interface RawTerm {
  effectiveDate?: string;
  priceDimensions?: Record<string, RawDimension>;
}

interface RawItem {
  serviceCode?: string;
  product?: { sku?: string; productFamily?: string; attributes?: Record<string, string> };
  terms?: { OnDemand?: Record<string, RawTerm> };
}

/** One on-demand price dimension, kept as published: USD as a decimal string, tier bounds. */
export interface PriceRow {
  unit: string;
  usd: string;
  /** Absent = 0. */
  start?: string;
  /** Absent = no upper bound ("Inf"). */
  end?: string;
  rateCode?: string;
}

export interface PriceListProduct {
  sku: string;
  serviceCode: string;
  family?: string;
  attributes: Record<string, string>;
  /** On-demand dimensions in USD, ordered by unit then tier start; empty when it has none. */
  prices: PriceRow[];
  /** Why the product's prices cannot be used, when they cannot. */
  problem?: string;
}

export function parsePriceListItem(text: string): PriceListProduct {
  let raw: RawItem;
  try {
    raw = JSON.parse(text) as RawItem;
  } catch {
    throw new UserError('the AWS Price List API returned a product that is not valid JSON');
  }
  const sku = raw.product?.sku;
  if (!sku || typeof raw.product?.attributes !== 'object') {
    throw new UserError('the AWS Price List API returned a product without a SKU or attributes');
  }
  const product: PriceListProduct = {
    sku,
    serviceCode: raw.serviceCode ?? raw.product.attributes.servicecode ?? '',
    family: raw.product.productFamily,
    attributes: raw.product.attributes,
    prices: [],
  };
  const rows: PriceRow[] = [];
  for (const term of Object.values(raw.terms?.OnDemand ?? {})) {
    for (const dim of Object.values(term.priceDimensions ?? {})) {
      const usd = dim.pricePerUnit?.USD;
      if (usd === undefined || !dim.unit) continue;
      if (!isDecimal(usd) || (dim.beginRange && !isDecimal(dim.beginRange)) || (dim.endRange && dim.endRange !== 'Inf' && !isDecimal(dim.endRange))) {
        return { ...product, problem: `SKU ${sku} has a price dimension that is not a number` };
      }
      rows.push({
        unit: dim.unit,
        usd,
        ...(dim.beginRange && !Decimal.parse(dim.beginRange).isZero() ? { start: dim.beginRange } : {}),
        ...(dim.endRange && dim.endRange !== 'Inf' ? { end: dim.endRange } : {}),
        ...(dim.rateCode ? { rateCode: dim.rateCode } : {}),
      });
    }
  }
  const { prices, problem } = dropFreeDuplicates(sku, rows);
  return { ...product, prices, ...(problem ? { problem } : {}) };
}

function isDecimal(text: string): boolean {
  try {
    Decimal.parse(text);
    return true;
  } catch {
    return false;
  }
}

const rangeKey = (r: PriceRow): string => `${r.unit}\u0000${r.start ?? '0'}\u0000${r.end ?? 'Inf'}`;

/**
 * A $0 dimension next to a paid one for the same range is a free-tier allowance, not the price.
 * A $0 dimension on its own is a real price and stays.
 */
function dropFreeDuplicates(sku: string, rows: PriceRow[]): { prices: PriceRow[]; problem?: string } {
  const byRange = new Map<string, PriceRow[]>();
  for (const r of rows) byRange.set(rangeKey(r), [...(byRange.get(rangeKey(r)) ?? []), r]);
  const prices: PriceRow[] = [];
  for (const group of byRange.values()) {
    const paid = group.filter((r) => !Decimal.parse(r.usd).isZero());
    const kept = paid.length > 0 ? paid : group;
    const distinct = new Set(kept.map((r) => Decimal.parse(r.usd).toString()));
    if (distinct.size > 1) return { prices: [], problem: `SKU ${sku} has ${distinct.size} different on-demand prices for one range` };
    prices.push(kept.sort((a, b) => (a.rateCode ?? '').localeCompare(b.rateCode ?? ''))[0]);
  }
  prices.sort((a, b) => a.unit.localeCompare(b.unit) || Decimal.parse(a.start ?? '0').cmp(Decimal.parse(b.start ?? '0')));
  return { prices };
}

/** Same unit, same tiers, same USD amounts (0.0960000000 equals 0.096). */
export function samePrices(a: PriceRow[], b: PriceRow[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((r, i) => {
    const o = b[i];
    return (
      r.unit === o.unit &&
      Decimal.parse(r.usd).eq(Decimal.parse(o.usd)) &&
      Decimal.parse(r.start ?? '0').eq(Decimal.parse(o.start ?? '0')) &&
      (r.end === undefined ? o.end === undefined : o.end !== undefined && Decimal.parse(r.end).eq(Decimal.parse(o.end)))
    );
  });
}
