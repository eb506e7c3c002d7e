import { Decimal, HOURS_PER_MONTH } from '../core/decimal.js';
import type { Project } from '../input/types.js';
import type { PriceBook } from '../pricing/resolve.js';
import { queryKey, type Price } from '../pricing/types.js';
import type { ResourceCostResult } from '../resources/evaluate.js';
import type { CostComponentSpec, SubresourceSpec, UnpricedSpec } from '../resources/types.js';
import type { CostComponent, ProjectEstimate, ResourceEstimate, ResourceRef, SubresourceEstimate, UnpricedComponent } from './types.js';
import { byAddress } from './addresses.js';
import { unitsPerPriceUnit } from './units.js';

/** The hourly figure of a monthly cost (JSON's hourlyCost): monthly ÷ 730, rounded to 6 decimals. */
export function hourlyCost(monthly: Decimal): Decimal {
  return monthly.dividedBy(HOURS_PER_MONTH).round(6);
}

/** Monthly quantity of a component spec; hourly ones run 730 hours. */
export function monthlyQuantity(spec: CostComponentSpec): Decimal | null {
  if (spec.quantity === null) return null;
  return 'perHour' in spec.quantity ? spec.quantity.perHour.times(HOURS_PER_MONTH) : spec.quantity.perMonth;
}

/** Applies a (possibly tiered) price to a quantity in price units. */
export function tieredCost(quantity: Decimal, price: Price): Decimal {
  let total = Decimal.ZERO;
  for (const tier of price.tiers) {
    if (!quantity.gt(tier.start)) continue;
    const upper = tier.end === undefined ? quantity : Decimal.min(quantity, tier.end);
    total = total.plus(upper.minus(tier.start).times(tier.usd));
  }
  return total;
}

/** A priced line, or why it could not be priced (an UnpricedComponent has `component`). */
function priceComponent(spec: CostComponentSpec, book: PriceBook): CostComponent | UnpricedComponent {
  const result = book.get(queryKey(spec.price));
  if (!result || !result.found) {
    return { component: spec.name, reason: result && !result.found ? result.reason : 'no price looked up' };
  }
  const price = result.price;
  const size = unitsPerPriceUnit(spec.unit, price.unit);
  if (!size) {
    return { component: spec.name, reason: `the price is per ${price.unit}, which cannot be related to ${spec.unit}` };
  }
  const quantity = monthlyQuantity(spec);
  const usageBased = spec.usageBased ?? false;
  const equal = equalLines(price, spec.name, spec.unit, usageBased);
  const quantityKey = quantity === null ? null : quantity.scaled;
  let priced = equal.get(quantityKey);
  if (!priced) {
    const monthlyCost = quantity === null ? null : tieredCost(quantity.dividedBy(size), price).round(2);
    const { tiers, provenance } = priceParts(price);
    priced = {
      name: spec.name,
      unit: spec.unit,
      monthlyQuantity: quantity,
      unitPrice: price.tiers[0].usd,
      priceUnit: price.unit,
      ...(tiers ? { tiers } : {}),
      monthlyCost,
      usageBased,
      provenance,
    };
    equal.set(quantityKey, priced);
  }
  return priced;
}

/**
 * A large plan prices the same line (730 hours of one instance size in one region) thousands of
 * times; a component is a pure function of its price, name, unit, usage flag and quantity and is
 * never mutated, so equal lines share one object and its arithmetic is done once. Maps nest by
 * the spec's own strings: one joined key would be a new string to build and hash per component.
 */
type ByQuantity = Map<bigint | null, CostComponent>;
const componentsByPrice = new WeakMap<Price, Map<string, Map<string, [configured: ByQuantity, usageBased: ByQuantity]>>>();

function equalLines(price: Price, name: string, unit: string, usageBased: boolean): ByQuantity {
  let byName = componentsByPrice.get(price);
  if (!byName) componentsByPrice.set(price, (byName = new Map()));
  let byUnit = byName.get(name);
  if (!byUnit) byName.set(name, (byUnit = new Map()));
  let pair = byUnit.get(unit);
  if (!pair) byUnit.set(unit, (pair = [new Map(), new Map()]));
  return pair[usageBased ? 1 : 0];
}

/** The parts of a priced component that depend on its price alone. */
interface PriceParts {
  tiers?: CostComponent['tiers'];
  provenance: CostComponent['provenance'];
}

// Thousands of components share a few hundred prices: build each price's tier list and
// deduplicated provenance once and share them (components are never mutated).
const partsByPrice = new WeakMap<Price, PriceParts>();

function priceParts(price: Price): PriceParts {
  let parts = partsByPrice.get(price);
  if (!parts) {
    const [first] = price.tiers;
    parts = {
      ...(price.tiers.length > 1 ? { tiers: price.tiers.map((t) => ({ start: t.start, end: t.end, unitPrice: t.usd })) } : {}),
      // One tier has one provenance: skip dedupe's JSON keys for the common case.
      provenance: price.tiers.length === 1 ? [first.provenance] : dedupe(price.tiers.map((t) => t.provenance)),
    };
    partsByPrice.set(price, parts);
  }
  return parts;
}

function dedupe<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = JSON.stringify(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function priceAll(specs: CostComponentSpec[], book: PriceBook): { components: CostComponent[]; unpriced: UnpricedComponent[] } {
  const components: CostComponent[] = [];
  const unpriced: UnpricedComponent[] = [];
  for (const spec of specs) {
    const outcome = priceComponent(spec, book);
    if ('component' in outcome) unpriced.push(outcome);
    else components.push(outcome);
  }
  return { components, unpriced };
}

/** Sum of the known costs of components and subresources, or null when none is known. */
function sumKnown(parts: { monthlyCost: Decimal | null }[][]): Decimal | null {
  // Loops rather than spread/filter copies: this runs once per resource and subresource.
  let total: Decimal | null = null;
  for (const list of parts) {
    for (const { monthlyCost } of list) if (monthlyCost !== null) total = total ? total.plus(monthlyCost) : monthlyCost;
  }
  return total;
}

function estimateSubresource(spec: SubresourceSpec, book: PriceBook): SubresourceEstimate {
  const { components, unpriced } = priceAll(spec.components, book);
  const subresources = (spec.subresources ?? []).map((s) => estimateSubresource(s, book));
  return {
    name: spec.name,
    components,
    subresources,
    unpriced: [...(spec.unpriced ?? []).map(toUnpriced), ...unpriced],
    monthlyCost: sumKnown([components, subresources]),
  };
}

function toUnpriced(u: UnpricedSpec): UnpricedComponent {
  return { component: u.component, reason: u.reason };
}

function hasUsageUnknowns(components: CostComponent[], subs: SubresourceEstimate[]): boolean {
  return components.some((c) => c.monthlyCost === null) || subs.some((s) => hasUsageUnknowns(s.components, s.subresources));
}

export function estimateResource(result: ResourceCostResult, book: PriceBook): ResourceEstimate {
  // Literal objects with every field in one order (no spreads): ten thousand of these share one
  // shape, which keeps the renderers' property reads fast.
  const spec = result.spec;
  if (!spec) {
    return {
      address: result.address,
      type: result.type,
      region: result.region,
      components: [],
      subresources: [],
      unpriced: [{ component: 'all', reason: result.failure ?? 'could not be estimated' }],
      assumptions: [],
      monthlyCost: null,
      hasUsageBasedUnknowns: false,
    };
  }
  const { components, unpriced } = priceAll(spec.components, book);
  const subresources = spec.subresources ? spec.subresources.map((s) => estimateSubresource(s, book)) : NO_SUBRESOURCES;
  return {
    address: result.address,
    type: result.type,
    region: result.region,
    components,
    subresources,
    unpriced: spec.unpriced?.length ? [...spec.unpriced.map(toUnpriced), ...unpriced] : unpriced,
    assumptions: spec.assumptions ?? NO_ASSUMPTIONS,
    monthlyCost: sumKnown([components, subresources]),
    hasUsageBasedUnknowns: hasUsageUnknowns(components, subresources),
  };
}

const NO_SUBRESOURCES: SubresourceEstimate[] = [];
const NO_ASSUMPTIONS: string[] = [];

export function estimateProject(project: Project, results: ResourceCostResult[], book: PriceBook): ProjectEstimate {
  const resources: ResourceEstimate[] = [];
  const free: ResourceRef[] = [];
  const unsupported: ResourceRef[] = [];
  for (const r of results) {
    if (r.status === 'free') free.push({ address: r.address, type: r.type, ...(r.note ? { note: r.note } : {}) });
    else if (r.status === 'unsupported') unsupported.push({ address: r.address, type: r.type, ...(r.note ? { note: r.note } : {}) });
    else resources.push(estimateResource(r, book));
  }
  return {
    name: project.name,
    path: project.path,
    region: project.region,
    resources: resources.sort(byAddress),
    free: free.sort(byAddress),
    unsupported: unsupported.sort(byAddress),
    totalMonthlyCost: Decimal.sum(resources.map((r) => r.monthlyCost ?? Decimal.ZERO)),
    warnings: project.warnings,
  };
}
