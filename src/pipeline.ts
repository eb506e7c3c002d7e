import { readProjects, type InputOptions } from './input/index.js';
import type { Project } from './input/types.js';
import { UsageFile, loadUsageFile } from './input/usage.js';
import { estimateProject } from './estimate/cost.js';
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
  path: string;
  input: InputOptions;
  usageFile?: string;
  pricing: PricingOptions;
}

export async function loadUsage(path: string | undefined): Promise<UsageFile> {
  return path ? loadUsageFile(path) : UsageFile.empty();
}

export interface PricedSides {
  projects: Project[];
  sides: Map<Project, Partial<Record<Side, ResourceCostResult[]>>>;
  book: PriceBook;
  pricing: PricingInfo;
  /** Where prices came from, for later questions (recommendations' alternatives). */
  source: PriceSource;
}

/** Runs the resources and pricing stages for the requested sides of every project. */
export async function priceProjects(projects: Project[], sides: Side[], usage: UsageFile, pricingOptions: PricingOptions): Promise<PricedSides> {
  const bySide = new Map<Project, Partial<Record<Side, ResourceCostResult[]>>>();
  for (const project of projects) {
    const entry: Partial<Record<Side, ResourceCostResult[]>> = {};
    for (const side of sides) entry[side] = evaluateSide(project, side, usage);
    bySide.set(project, entry);
  }
  const specs = [...bySide.values()].flatMap((e) => Object.values(e).flat().map((r) => r?.spec));
  const pricing = await createPricing(pricingOptions);
  const book = await resolvePrices(collectQueries(specs), pricing.source);
  return { projects, sides: bySide, book, pricing: pricingInfo(pricing.cache.manifest?.snapshot ?? '', pricing.mode, book), source: pricing.source };
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
  return priced.projects.map((p) => estimateProject(p, priced.sides.get(p)?.[side] ?? [], priced.book));
}

export function toEstimate(projects: ProjectEstimate[], pricing: PricingInfo): Estimate {
  return {
    currency: 'USD',
    pricing,
    projects,
    totalMonthlyCost: Decimal.sum(projects.map((p) => p.totalMonthlyCost)),
  };
}

export async function breakdown(options: BreakdownOptions): Promise<Estimate> {
  const projects = await readProjects(options.path, options.input);
  const usage = await loadUsage(options.usageFile);
  const priced = await priceProjects(projects, ['after'], usage, options.pricing);
  const estimate = toEstimate(estimateSide(priced, 'after'), priced.pricing);
  const results = priced.projects.flatMap((p) => priced.sides.get(p)?.after ?? []);
  return { ...estimate, recommendations: await recommend(results, priced.source, priced.book) };
}
