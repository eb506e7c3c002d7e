import type { InputOptions } from './input/index.js';
import { readSelectedProjects, type ProjectSelection } from './input/projects.js';
import type { Project } from './input/types.js';
import { UsageFile, loadUsageFile, type UsageBound } from './input/usage.js';
import { estimateProject } from './estimate/cost.js';
import { totalRange, withRanges } from './estimate/ranges.js';
import { recommend } from './estimate/recommendations.js';
import type { Estimate, PricingInfo, ProjectEstimate } from './estimate/types.js';
import { Decimal } from './core/decimal.js';
import { collectQueries, resolvePrices, type PriceBook } from './pricing/resolve.js';
import type { PriceSource } from './pricing/types.js';
import { createPricing, type PricingOptions } from './pricing/source.js';
import { evaluateSide, type ResourceCostResult, type Side } from './resources/evaluate.js';

/**
 * The breakdown pipeline, one way through the stages:
 *   input → resources → pricing → estimate
 * Reports and VCS integrations consume the Estimate; they never reach back.
 */

export interface BreakdownOptions {
  /** --path, or the projects of costdiff.yml. */
  selection: ProjectSelection;
  input: InputOptions;
  usageFile?: string;
  pricing: PricingOptions;
}

export async function loadUsage(path: string | undefined): Promise<UsageFile> {
  return path ? loadUsageFile(path) : UsageFile.empty();
}

/**
 * Usage for each project: its own file from costdiff.yml, else --usage-file; both over
 * costdiff.yml's `usage:` when it has one.
 */
export type UsageFor = (project: Project) => UsageFile;

export async function loadProjectUsage(projects: Project[], defaultFile: string | undefined, configUsage?: UsageFile): Promise<UsageFor> {
  const files = new Map<string, UsageFile>();
  for (const path of new Set([defaultFile, ...projects.map((p) => p.usageFile)])) {
    if (path) files.set(path, configUsage ? UsageFile.merge([configUsage, await loadUsageFile(path)]) : await loadUsageFile(path));
  }
  const fallback = (defaultFile && files.get(defaultFile)) || configUsage || UsageFile.empty();
  return (project) => (project.usageFile && files.get(project.usageFile)) || fallback;
}

type SideResults = Map<Project, Partial<Record<Side, ResourceCostResult[]>>>;

export interface PricedSides {
  projects: Project[];
  sides: SideResults;
  /** The same sides at the low and high figures of usage ranges, when the usage file has any. */
  bounds?: Record<UsageBound, SideResults>;
  book: PriceBook;
  pricing: PricingInfo;
  /** Where prices came from, for later questions (recommendations' alternatives). */
  source: PriceSource;
}

/** Runs the resources and pricing stages for the requested sides of every project. */
export async function priceProjects(projects: Project[], sides: Side[], usage: UsageFile | UsageFor, pricingOptions: PricingOptions): Promise<PricedSides> {
  const usageFor: UsageFor = typeof usage === 'function' ? usage : () => usage;
  const evaluate = (bound?: UsageBound): SideResults => {
    const results: SideResults = new Map();
    for (const project of projects) {
      const entry: Partial<Record<Side, ResourceCostResult[]>> = {};
      for (const side of sides) entry[side] = evaluateSide(project, side, usageFor(project), bound);
      results.set(project, entry);
    }
    return results;
  };
  const bySide = evaluate();
  const bounds = projects.some((p) => usageFor(p).hasRanges()) ? { low: evaluate('low'), high: evaluate('high') } : undefined;
  // One lookup for every run: a bound can need a price the point run does not (a ranged map key).
  const runs = [bySide, ...(bounds ? [bounds.low, bounds.high] : [])];
  const specs = runs.flatMap((m) => [...m.values()].flatMap((e) => Object.values(e).flat().map((r) => r?.spec)));
  const pricing = await createPricing(pricingOptions);
  const book = await resolvePrices(collectQueries(specs), pricing.source);
  return {
    projects,
    sides: bySide,
    ...(bounds ? { bounds } : {}),
    book,
    pricing: pricingInfo(pricing.cache.manifest?.snapshot ?? '', pricing.mode, book),
    source: pricing.source,
  };
}

function pricingInfo(snapshot: string, mode: 'offline' | 'online', book: PriceBook): PricingInfo {
  const dates = new Set<string>();
  for (const result of book.values()) {
    if (!result.found) continue;
    for (const tier of result.price.tiers) dates.add(tier.provenance.date);
  }
  return { snapshot, mode, sourceDates: [...dates].sort() };
}

export function estimateSide(priced: PricedSides, side: Side): ProjectEstimate[] {
  const run = (results: SideResults) => priced.projects.map((p) => estimateProject(p, results.get(p)?.[side] ?? [], priced.book));
  const point = run(priced.sides);
  return priced.bounds ? withRanges(point, run(priced.bounds.low), run(priced.bounds.high)) : point;
}

export function toEstimate(projects: ProjectEstimate[], pricing: PricingInfo): Estimate {
  const costRange = totalRange(projects);
  return {
    currency: 'USD',
    pricing,
    projects,
    totalMonthlyCost: Decimal.sum(projects.map((p) => p.totalMonthlyCost)),
    ...(costRange ? { costRange } : {}),
  };
}

export async function breakdown(options: BreakdownOptions): Promise<Estimate> {
  const projects = await readSelectedProjects(options.selection, options.input);
  const usage = await loadProjectUsage(projects, options.usageFile, options.selection.usage);
  const priced = await priceProjects(projects, ['after'], usage, options.pricing);
  const estimate = toEstimate(estimateSide(priced, 'after'), priced.pricing);
  const results = priced.projects.flatMap((p) => priced.sides.get(p)?.after ?? []);
  return { ...estimate, recommendations: await recommend(results, priced.source, priced.book) };
}
