import { Decimal } from '../core/decimal.js';
import type { ChangeAction, Project } from '../input/types.js';
import { byAddress, compareAddresses } from './addresses.js';
import type { ComponentDiff, CostDiff, DiffTotals, ProjectDiff, ResourceDiff, UnpricedDiff } from './diff-types.js';
import { boundsOf } from './ranges.js';
import type { CostComponent, CostRange, PricingInfo, ProjectEstimate, Recommendation, ResourceEstimate, ResourceRef, SubresourceEstimate } from './types.js';

/**
 * Cost diffs: a plan's prior state against its planned state, or two separate estimates matched
 * by project and resource address. Unknown costs count as 0 in every sum and stay visible as
 * unpriced parts or null sides.
 */

const HUNDRED = Decimal.fromInt(100);
const TWELVE = Decimal.fromInt(12);

/** Past, planned and pointwise delta ranges when either side has one (see diff-types.ts). */
export function diffRanges(
  past: Decimal | null,
  planned: Decimal | null,
  pastRange: CostRange | undefined,
  plannedRange: CostRange | undefined,
): { pastRange: CostRange; plannedRange: CostRange; deltaRange: CostRange } | undefined {
  if (!pastRange && !plannedRange) return undefined;
  const p = boundsOf(past, pastRange);
  const n = boundsOf(planned, plannedRange);
  return { pastRange: p, plannedRange: n, deltaRange: { low: n.low.minus(p.low), high: n.high.minus(p.high) } };
}

export function totals(past: Decimal, planned: Decimal, ranges?: { past?: CostRange; planned?: CostRange }): DiffTotals {
  const delta = planned.minus(past);
  return {
    past,
    planned,
    delta,
    ...diffRanges(past, planned, ranges?.past, ranges?.planned),
    deltaYearly: delta.times(TWELVE),
    deltaPercent: past.isPositive() ? delta.times(HUNDRED).dividedBy(past) : null,
  };
}

/** Σ low and Σ high of ranged items (the point figure where an item has none); undefined when none has one. */
function sumBounds<T>(items: T[], point: (i: T) => Decimal, range: (i: T) => CostRange | undefined): CostRange | undefined {
  if (!items.some((i) => range(i))) return undefined;
  const b = items.map((i) => boundsOf(point(i), range(i)));
  return { low: Decimal.sum(b.map((x) => x.low)), high: Decimal.sum(b.map((x) => x.high)) };
}

type Costed = { pastMonthlyCost: Decimal; plannedMonthlyCost: Decimal; pastRange?: CostRange; plannedRange?: CostRange };

function sumTotals(items: Costed[]): DiffTotals {
  return totals(Decimal.sum(items.map((i) => i.pastMonthlyCost)), Decimal.sum(items.map((i) => i.plannedMonthlyCost)), {
    past: sumBounds(items, (i) => i.pastMonthlyCost, (i) => i.pastRange),
    planned: sumBounds(items, (i) => i.plannedMonthlyCost, (i) => i.plannedRange),
  });
}

interface Line {
  name: string;
  monthlyCost: Decimal | null;
  costRange?: CostRange;
}

function flattenLines(components: CostComponent[], subs: SubresourceEstimate[], prefix: string): Line[] {
  return [
    ...components.map((c) => ({ name: prefix + c.name, monthlyCost: c.monthlyCost, ...(c.costRange ? { costRange: c.costRange } : {}) })),
    ...subs.flatMap((s) => flattenLines(s.components, s.subresources, `${prefix}${s.name} › `)),
  ];
}

function flattenUnpriced(r: ResourceEstimate, side: 'past' | 'planned'): UnpricedDiff[] {
  const out: UnpricedDiff[] = r.unpriced.map((u) => ({ component: u.component, reason: u.reason, side }));
  const walk = (subs: SubresourceEstimate[], prefix: string): void => {
    for (const s of subs) {
      for (const u of s.unpriced) out.push({ component: `${prefix}${s.name} › ${u.component}`, reason: u.reason, side });
      walk(s.subresources, `${prefix}${s.name} › `);
    }
  };
  walk(r.subresources, '');
  return out;
}

/** Lines of both sides; a line only in the past goes right after its predecessor in the past. */
export function componentDiffs(past: ResourceEstimate | undefined, planned: ResourceEstimate | undefined): ComponentDiff[] {
  const pastLines = past ? flattenLines(past.components, past.subresources, '') : [];
  const plannedLines = planned ? flattenLines(planned.components, planned.subresources, '') : [];
  const pastBy = new Map(pastLines.map((l) => [l.name, l]));
  const plannedBy = new Map(plannedLines.map((l) => [l.name, l]));
  const order = plannedLines.map((l) => l.name);
  let previous = -1;
  for (const line of pastLines) {
    const at = order.indexOf(line.name);
    if (at >= 0) {
      previous = at;
      continue;
    }
    order.splice(previous + 1, 0, line.name);
    previous += 1;
  }
  const side = (l: Line) => ({ monthlyCost: l.monthlyCost, ...(l.costRange ? { costRange: l.costRange } : {}) });
  return order.map((name) => {
    const p = pastBy.get(name);
    const n = plannedBy.get(name);
    const ranges = diffRanges(p?.monthlyCost ?? null, n?.monthlyCost ?? null, p?.costRange, n?.costRange);
    return {
      name,
      ...(p ? { past: side(p) } : {}),
      ...(n ? { planned: side(n) } : {}),
      deltaMonthlyCost: (n?.monthlyCost ?? Decimal.ZERO).minus(p?.monthlyCost ?? Decimal.ZERO),
      ...(ranges ? { deltaRange: ranges.deltaRange } : {}),
    };
  });
}

export interface ResourceCosts {
  past: Decimal;
  planned: Decimal;
  /** Recorded usage ranges of each side, when the JSON has them. */
  pastRange?: CostRange;
  plannedRange?: CostRange;
}

/** One resource's diff; `costs` overrides the sides' totals (when read back from JSON). */
export function resourceDiff(action: ChangeAction, past: ResourceEstimate | undefined, planned: ResourceEstimate | undefined, costs?: ResourceCosts): ResourceDiff {
  const shown = planned ?? past;
  if (!shown) throw new Error('a resource diff needs at least one side');
  const pastCost = costs?.past ?? past?.monthlyCost ?? Decimal.ZERO;
  const plannedCost = costs?.planned ?? planned?.monthlyCost ?? Decimal.ZERO;
  // Recorded costs come with their recorded ranges (or none), never mixed with the sides' own.
  const ranges = costs ? diffRanges(pastCost, plannedCost, costs.pastRange, costs.plannedRange) : diffRanges(pastCost, plannedCost, past?.costRange, planned?.costRange);
  const unpriced = flattenUnpriced(shown, planned ? 'planned' : 'past');
  if (past && planned) {
    const seen = new Set(unpriced.map((u) => `${u.component}\n${u.reason}`));
    for (const u of flattenUnpriced(past, 'past')) if (!seen.has(`${u.component}\n${u.reason}`)) unpriced.push(u);
  }
  return {
    address: shown.address,
    type: shown.type,
    region: shown.region,
    action,
    ...(past ? { past } : {}),
    ...(planned ? { planned } : {}),
    pastMonthlyCost: pastCost,
    plannedMonthlyCost: plannedCost,
    deltaMonthlyCost: plannedCost.minus(pastCost),
    ...ranges,
    components: componentDiffs(past, planned),
    unpriced,
  };
}

/** Everything that makes up a resource's cost, to tell an update from no change. */
function costSignature(r: ResourceEstimate): string {
  const range = (x: { costRange?: CostRange }) => (x.costRange ? [x.costRange.low.toString(), x.costRange.high.toString()] : null);
  const lines = (cs: CostComponent[]) => cs.map((c) => [c.name, c.unit, c.monthlyQuantity?.toString() ?? null, c.unitPrice.toString(), c.priceUnit, c.monthlyCost?.toString() ?? null, range(c)]);
  const subs = (ss: SubresourceEstimate[]): unknown => ss.map((s) => [s.name, lines(s.components), subs(s.subresources), s.unpriced]);
  return JSON.stringify([r.monthlyCost?.toString() ?? null, range(r), lines(r.components), subs(r.subresources), r.unpriced]);
}

/** The action for a resource found by address on one or both sides of two separate inputs. */
export function matchedAction(past: ResourceEstimate | undefined, planned: ResourceEstimate | undefined): ChangeAction {
  if (!past) return 'create';
  if (!planned) return 'delete';
  return costSignature(past) === costSignature(planned) ? 'no-op' : 'update';
}

function mergeRefs(planned: ResourceRef[], past: ResourceRef[]): ResourceRef[] {
  const first = new Map<string, ResourceRef>();
  for (const r of [...planned, ...past]) if (!first.has(r.address)) first.set(r.address, r);
  return [...first.values()].sort(byAddress);
}

function diffProject(
  meta: { name: string; path: string; region: string },
  past: ProjectEstimate | undefined,
  planned: ProjectEstimate | undefined,
  actionOf: (address: string, past: ResourceEstimate | undefined, planned: ResourceEstimate | undefined) => ChangeAction,
): ProjectDiff {
  const pastBy = new Map((past?.resources ?? []).map((r) => [r.address, r]));
  const plannedBy = new Map((planned?.resources ?? []).map((r) => [r.address, r]));
  const addresses = [...new Set([...plannedBy.keys(), ...pastBy.keys()])].sort(compareAddresses);
  const resources = addresses.map((address) => {
    const p = pastBy.get(address);
    const n = plannedBy.get(address);
    return resourceDiff(actionOf(address, p, n), p, n);
  });
  // Deleted resources keep their free/unsupported listing; the planned side wins otherwise.
  const plannedAddresses = new Set([...(planned?.free ?? []), ...(planned?.unsupported ?? [])].map((r) => r.address));
  const onlyPast = (refs: ResourceRef[]) => refs.filter((r) => !plannedAddresses.has(r.address));
  return {
    ...meta,
    resources,
    free: mergeRefs(planned?.free ?? [], onlyPast(past?.free ?? [])),
    unsupported: mergeRefs(planned?.unsupported ?? [], onlyPast(past?.unsupported ?? [])),
    totals: sumTotals(resources),
    warnings: [...new Set([...(planned?.warnings ?? []), ...(past?.warnings ?? [])])],
  };
}

/**
 * One plan against itself: the prior state (before) against the planned state (after), with
 * Terraform's own action per resource. `past` and `planned` are estimateSide(…) of `projects`.
 */
export function diffPlanSides(projects: Project[], past: ProjectEstimate[], planned: ProjectEstimate[]): ProjectDiff[] {
  return projects.map((project, i) => {
    const actions = new Map(project.resources.map((r) => [r.address, r.action]));
    const after = planned[i];
    return diffProject({ name: after.name, path: after.path, region: after.region }, past[i], after, (address, p, n) =>
      // Usage-only resources (data transfer) are not in the plan: compare them.
      actions.get(address) ?? matchedAction(p, n),
    );
  });
}

/**
 * Two separate estimates: projects matched by name, then path, then (one left on each side)
 * to each other; resources matched by address.
 */
export function diffEstimates(past: ProjectEstimate[], planned: ProjectEstimate[]): ProjectDiff[] {
  const unmatchedPast = [...past];
  const take = (pred: (p: ProjectEstimate) => boolean): ProjectEstimate | undefined => {
    const i = unmatchedPast.findIndex(pred);
    return i < 0 ? undefined : unmatchedPast.splice(i, 1)[0];
  };
  const pairs: [ProjectEstimate | undefined, ProjectEstimate][] = planned.map((n) => [take((p) => p.name === n.name), n]);
  for (const pair of pairs) if (!pair[0]) pair[0] = take((p) => p.path === pair[1].path);
  const lonely = pairs.filter((p) => !p[0]);
  if (lonely.length === 1 && unmatchedPast.length === 1) lonely[0][0] = unmatchedPast.pop();
  const out = pairs.map(([p, n]) => diffProject({ name: n.name, path: n.path, region: n.region }, p, n, (_a, pr, nr) => matchedAction(pr, nr)));
  for (const p of unmatchedPast) out.push(diffProject({ name: p.name, path: p.path, region: p.region }, p, undefined, () => 'delete'));
  return out;
}

export function toCostDiff(projects: ProjectDiff[], pricing: PricingInfo): CostDiff {
  return {
    currency: 'USD',
    pricing,
    projects,
    totals: totals(Decimal.sum(projects.map((p) => p.totals.past)), Decimal.sum(projects.map((p) => p.totals.planned)), {
      past: sumBounds(projects, (p) => p.totals.past, (p) => p.totals.pastRange),
      planned: sumBounds(projects, (p) => p.totals.planned, (p) => p.totals.plannedRange),
    }),
  };
}

/** True when some resource changes or the cost moves. */
export function hasChanges(diff: CostDiff): boolean {
  return !diff.totals.delta.isZero() || diff.projects.some((p) => p.resources.some((r) => r.action !== 'no-op'));
}

/** A diff read back from costdiff's JSON: per-resource sides and the recorded totals. */
export interface RecordedDiff {
  pricing: PricingInfo;
  recommendations?: Recommendation[];
  projects: {
    name: string;
    path: string;
    region: string;
    resources: { action: ChangeAction; past?: ResourceEstimate; planned?: ResourceEstimate; costs: ResourceCosts }[];
    free: ResourceRef[];
    unsupported: ResourceRef[];
    warnings: string[];
  }[];
}

export function diffFromRecorded(recorded: RecordedDiff): CostDiff {
  const projects = recorded.projects.map((p) => {
    const resources = p.resources.map((r) => resourceDiff(r.action, r.past, r.planned, r.costs));
    return { name: p.name, path: p.path, region: p.region, resources, free: p.free, unsupported: p.unsupported, totals: sumTotals(resources), warnings: p.warnings };
  });
  const diff = toCostDiff(projects, recorded.pricing);
  return recorded.recommendations?.length ? { ...diff, recommendations: recorded.recommendations } : diff;
}

/** Savings worth raising on a pull request: those for resources the change creates or changes. */
export function recommendationsForChange(diff: CostDiff, all: Recommendation[]): Recommendation[] {
  const changed = new Set(diff.projects.flatMap((p) => p.resources.filter((r) => r.action !== 'no-op' && r.action !== 'delete').map((r) => r.address)));
  return all.filter((r) => changed.has(r.address));
}
