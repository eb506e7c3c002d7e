import { Decimal } from '../core/decimal.js';
import type { CostComponent, CostRange, ProjectEstimate, ResourceEstimate, SubresourceEstimate } from './types.js';

/**
 * Usage ranges. When the usage file gives `{ low, high }` values, the resources and estimate
 * stages run three times over the same prices (usage at its point figure, at the low bounds, at
 * the high bounds); the low and high costs are then attached to the point estimate, matched by
 * resource address and by component and sub-resource name.
 */

/** The range when it says more than the point figure; undefined when a bound is unknown. */
export function rangeFor(point: Decimal | null, low: Decimal | null | undefined, high: Decimal | null | undefined): CostRange | undefined {
  if (low === null || low === undefined || high === null || high === undefined) return undefined;
  if (point !== null && low.eq(point) && high.eq(point)) return undefined;
  return { low, high };
}

/** Low and high of a cost: its range, else the point figure twice (unknown counts as 0, as in totals). */
export function boundsOf(cost: Decimal | null, range: CostRange | undefined): CostRange {
  if (range) return range;
  const c = cost ?? Decimal.ZERO;
  return { low: c, high: c };
}

/** Σ low and Σ high of items, exactly; undefined when none has a range. */
export function sumRanges(items: { cost: Decimal | null; range?: CostRange }[]): CostRange | undefined {
  if (!items.some((i) => i.range)) return undefined;
  const b = items.map((i) => boundsOf(i.cost, i.range));
  return { low: Decimal.sum(b.map((x) => x.low)), high: Decimal.sum(b.map((x) => x.high)) };
}

/** Items by name and occurrence ("Storage" twice → "Storage#0", "Storage#1"). */
function byName<T extends { name: string }>(items: T[]): [string, T][] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = seen.get(item.name) ?? 0;
    seen.set(item.name, n + 1);
    return [`${item.name}#${n}`, item];
  });
}

function rangedComponents(point: CostComponent[], low: CostComponent[], high: CostComponent[]): CostComponent[] {
  const l = new Map(byName(low));
  const h = new Map(byName(high));
  return byName(point).map(([key, c]) => {
    const costRange = rangeFor(c.monthlyCost, l.get(key)?.monthlyCost, h.get(key)?.monthlyCost);
    return costRange ? { ...c, costRange } : c;
  });
}

function rangedSubresources(point: SubresourceEstimate[], low: SubresourceEstimate[], high: SubresourceEstimate[]): SubresourceEstimate[] {
  const l = new Map(byName(low));
  const h = new Map(byName(high));
  return byName(point).map(([key, s]) => {
    const ls = l.get(key);
    const hs = h.get(key);
    const out: SubresourceEstimate = {
      ...s,
      components: rangedComponents(s.components, ls?.components ?? [], hs?.components ?? []),
      subresources: rangedSubresources(s.subresources, ls?.subresources ?? [], hs?.subresources ?? []),
    };
    const costRange = rangeFor(s.monthlyCost, ls?.monthlyCost, hs?.monthlyCost);
    return costRange ? { ...out, costRange } : out;
  });
}

function rangedResource(point: ResourceEstimate, low: ResourceEstimate | undefined, high: ResourceEstimate | undefined): ResourceEstimate {
  const out: ResourceEstimate = {
    ...point,
    components: rangedComponents(point.components, low?.components ?? [], high?.components ?? []),
    subresources: rangedSubresources(point.subresources, low?.subresources ?? [], high?.subresources ?? []),
  };
  // The bound runs' own totals: they include lines that exist only there (a ranged map key).
  const costRange = rangeFor(point.monthlyCost, low?.monthlyCost, high?.monthlyCost);
  return costRange ? { ...out, costRange } : out;
}

/** Attaches the low and high runs (same projects, same order) to the point estimates. */
export function withRanges(point: ProjectEstimate[], low: ProjectEstimate[], high: ProjectEstimate[]): ProjectEstimate[] {
  return point.map((p, i) => {
    const l = new Map(low[i].resources.map((r) => [r.address, r]));
    const h = new Map(high[i].resources.map((r) => [r.address, r]));
    const resources = p.resources.map((r) => rangedResource(r, l.get(r.address), h.get(r.address)));
    // Project totals are the exact sums of the resources' bounds, as the point total is of theirs.
    const sum = sumRanges(resources.map((r) => ({ cost: r.monthlyCost, range: r.costRange })));
    const costRange = sum && rangeFor(p.totalMonthlyCost, sum.low, sum.high);
    return { ...p, resources, ...(costRange ? { costRange } : {}) };
  });
}

/** The overall range of several projects, when one of them has a range. */
export function totalRange(projects: ProjectEstimate[]): CostRange | undefined {
  return sumRanges(projects.map((p) => ({ cost: p.totalMonthlyCost, range: p.costRange })));
}
