import { hourlyCost } from '../estimate/cost.js';
import type { CostComponent, CostRange, Estimate, ProjectEstimate, Recommendation, ResourceEstimate, SubresourceEstimate } from '../estimate/types.js';

/**
 * The JSON output contract (version 1, see README "JSON output"). Money is a JSON number in
 * USD: costs rounded to cents, unit prices exactly as published, hourly costs to 6 decimals.
 */
export const JSON_VERSION = '1';

/** Additive to version 1: `"monthlyCostRange": { "low", "high" }` where a usage range applies. */
export function rangeJson(r: CostRange): { low: number; high: number } {
  return { low: r.low.toNumber(2), high: r.high.toNumber(2) };
}

export interface JsonComponent {
  name: string;
  unit: string;
  monthlyQuantity: number | null;
  unitPrice: number;
  priceUnit: string;
  tiers?: { start: number; end: number | null; unitPrice: number }[];
  monthlyCost: number | null;
  monthlyCostRange?: { low: number; high: number };
  usageBased: boolean;
  provenance: { kind: string; source: string; date: string; rateCode?: string }[];
}

// Equal lines of a large plan share one CostComponent (see estimate/cost.ts): convert each once.
const componentJsonCache = new WeakMap<CostComponent, JsonComponent>();

export function componentJson(c: CostComponent): JsonComponent {
  let json = componentJsonCache.get(c);
  if (!json) componentJsonCache.set(c, (json = toComponentJson(c)));
  return json;
}

function toComponentJson(c: CostComponent): JsonComponent {
  return {
    name: c.name,
    unit: c.unit,
    monthlyQuantity: c.monthlyQuantity === null ? null : c.monthlyQuantity.toNumber(),
    unitPrice: c.unitPrice.toNumber(),
    priceUnit: c.priceUnit,
    tiers: c.tiers ? c.tiers.map((t) => ({ start: t.start.toNumber(), end: t.end ? t.end.toNumber() : null, unitPrice: t.unitPrice.toNumber() })) : undefined,
    monthlyCost: c.monthlyCost === null ? null : c.monthlyCost.toNumber(2),
    monthlyCostRange: c.costRange ? rangeJson(c.costRange) : undefined,
    usageBased: c.usageBased,
    provenance: c.provenance.map((p) => ({ ...p })),
  };
}

// Optional keys are written as undefined, which JSON.stringify leaves out, rather than spread
// in: every resource of a plan goes through these, and one literal shape is cheaper.

function subresourceJson(s: SubresourceEstimate): Record<string, unknown> {
  return {
    name: s.name,
    monthlyCost: s.monthlyCost === null ? null : s.monthlyCost.toNumber(2),
    monthlyCostRange: s.costRange ? rangeJson(s.costRange) : undefined,
    components: s.components.map(componentJson),
    subresources: s.subresources.length ? s.subresources.map(subresourceJson) : undefined,
    unpriced: s.unpriced.length ? s.unpriced : undefined,
  };
}

export function resourceJson(r: ResourceEstimate): Record<string, unknown> {
  return {
    address: r.address,
    type: r.type,
    region: r.region,
    action: r.action,
    hourlyCost: r.monthlyCost === null ? null : hourlyCost(r.monthlyCost).toNumber(6),
    monthlyCost: r.monthlyCost === null ? null : r.monthlyCost.toNumber(2),
    monthlyCostRange: r.costRange ? rangeJson(r.costRange) : undefined,
    components: r.components.map(componentJson),
    subresources: r.subresources.map(subresourceJson),
    unpriced: r.unpriced,
    assumptions: r.assumptions.length ? r.assumptions : undefined,
  };
}

export function projectJson(p: ProjectEstimate): Record<string, unknown> {
  return {
    name: p.name,
    path: p.path,
    region: p.region,
    resources: p.resources.map(resourceJson),
    free: p.free,
    unsupported: p.unsupported,
    totalMonthlyCost: p.totalMonthlyCost.toNumber(2),
    ...(p.costRange ? { totalMonthlyCostRange: rangeJson(p.costRange) } : {}),
    ...(p.warnings.length ? { warnings: p.warnings } : {}),
  };
}

/** The `pricing` header, the same in breakdown and diff JSON. */
export function pricingJson(p: Estimate['pricing']): { snapshot: string; mode: string; sourceDates: string[] } {
  return { snapshot: p.snapshot, mode: p.mode, sourceDates: p.sourceDates };
}

/** One savings recommendation, the same in breakdown and diff JSON. */
export function recommendationJson(r: Recommendation): { address: string; change: string; monthlySaving: number; detail: string } {
  return { address: r.address, change: r.change, monthlySaving: r.monthlySaving.toNumber(2), detail: r.detail };
}

export function estimateJson(e: Estimate): Record<string, unknown> {
  return {
    version: JSON_VERSION,
    currency: e.currency,
    pricing: pricingJson(e.pricing),
    projects: e.projects.map(projectJson),
    totalMonthlyCost: e.totalMonthlyCost.toNumber(2),
    ...(e.costRange ? { totalMonthlyCostRange: rangeJson(e.costRange) } : {}),
    recommendations: (e.recommendations ?? []).map(recommendationJson),
  };
}

export function renderJson(e: Estimate): string {
  return JSON.stringify(estimateJson(e), null, 2) + '\n';
}
