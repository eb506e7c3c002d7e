import type { CostDiff, CostTotals, ProjectDiff, ResourceDiff } from '../estimate/diff-types.js';
import { JSON_VERSION, pricingJson, rangeJson, recommendationJson, resourceJson } from './json.js';

/**
 * The diff JSON (contract, version 1): the breakdown JSON's resources with an action and
 * past/planned/delta costs, and past/planned/delta totals per project and overall. Updates and
 * replacements also carry "pastBreakdown" (the cost fields before the change), so that
 * `comment github` can show both sides from this file alone. With usage ranges, the past,
 * planned and delta ranges sit next to their figures ("pastRange", "pastMonthlyCostRange", …).
 */

const cents = (d: { toNumber(places: number): number }) => d.toNumber(2);

function totalsJson(t: CostTotals): Record<string, unknown> {
  return {
    past: cents(t.past),
    planned: cents(t.planned),
    delta: cents(t.delta),
    ...(t.pastRange ? { pastRange: rangeJson(t.pastRange) } : {}),
    ...(t.plannedRange ? { plannedRange: rangeJson(t.plannedRange) } : {}),
    ...(t.deltaRange ? { deltaRange: rangeJson(t.deltaRange) } : {}),
  };
}

export function resourceDiffJson(r: ResourceDiff): Record<string, unknown> {
  const shown = r.action === 'delete' ? r.past : r.planned ?? r.past;
  if (!shown) throw new Error(`resource ${r.address} has no side`);
  const out: Record<string, unknown> = { ...resourceJson({ ...shown, action: r.action }) };
  if (r.past && r.planned && (r.action === 'update' || r.action === 'replace')) {
    const { address: _a, type: _t, region: _r, action: _x, ...past } = resourceJson(r.past);
    out.pastBreakdown = past;
  }
  out.pastMonthlyCost = cents(r.pastMonthlyCost);
  out.plannedMonthlyCost = cents(r.plannedMonthlyCost);
  out.deltaMonthlyCost = cents(r.deltaMonthlyCost);
  if (r.pastRange) out.pastMonthlyCostRange = rangeJson(r.pastRange);
  if (r.plannedRange) out.plannedMonthlyCostRange = rangeJson(r.plannedRange);
  if (r.deltaRange) out.deltaMonthlyCostRange = rangeJson(r.deltaRange);
  return out;
}

export function projectDiffJson(p: ProjectDiff): Record<string, unknown> {
  return {
    name: p.name,
    path: p.path,
    region: p.region,
    resources: p.resources.map(resourceDiffJson),
    free: p.free,
    unsupported: p.unsupported,
    ...totalsJson(p.totals),
    totalMonthlyCost: cents(p.totals.planned),
    ...(p.totals.plannedRange ? { totalMonthlyCostRange: rangeJson(p.totals.plannedRange) } : {}),
    ...(p.warnings.length ? { warnings: p.warnings } : {}),
  };
}

export function diffJson(d: CostDiff): Record<string, unknown> {
  return {
    version: JSON_VERSION,
    currency: d.currency,
    pricing: pricingJson(d.pricing),
    projects: d.projects.map(projectDiffJson),
    ...totalsJson(d.totals),
    totalMonthlyCost: cents(d.totals.planned),
    recommendations: (d.recommendations ?? []).map(recommendationJson),
    ...(d.totals.plannedRange ? { totalMonthlyCostRange: rangeJson(d.totals.plannedRange) } : {}),
  };
}

export function renderDiffJson(d: CostDiff): string {
  return JSON.stringify(diffJson(d), null, 2) + '\n';
}
