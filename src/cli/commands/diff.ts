import { UsageError } from '../../core/errors.js';
import { diffEstimates, diffPlanSides, toCostDiff } from '../../estimate/diff.js';
import type { CostDiff } from '../../estimate/diff-types.js';
import { readBaseline } from '../../input/baseline.js';
import { readProjects, type InputOptions } from '../../input/index.js';
import { estimateSide, loadUsage, priceProjects } from '../../pipeline.js';
import type { PricingOptions } from '../../pricing/source.js';
import { renderDiffJson } from '../../report/diff-json.js';
import { renderDiffTable } from '../../report/diff-table.js';
import { renderMarkdown, validTag } from '../../report/markdown.js';
import type { OptionValues } from '../args.js';
import type { DIFF_FORMATS } from '../program.js';
import { inputOptions, pricingOptions, type EstimateArgs } from '../common.js';
import { emit, warn } from '../output.js';

export interface DiffOptions {
  path: string;
  compareTo?: string;
  input: InputOptions;
  usageFile?: string;
  pricing: PricingOptions;
}

/**
 * Without a baseline, a plan's prior state against its planned state; with one, the baseline's
 * (planned) state against --path's, both priced from the same pricing source in one pass.
 */
export async function computeDiff(options: DiffOptions): Promise<CostDiff> {
  const projects = await readProjects(options.path, options.input);
  const usage = await loadUsage(options.usageFile);
  if (!options.compareTo) {
    const priced = await priceProjects(projects, ['before', 'after'], usage, options.pricing);
    return toCostDiff(diffPlanSides(projects, estimateSide(priced, 'before'), estimateSide(priced, 'after')), priced.pricing);
  }
  const baseline = await readBaseline(options.compareTo, options.path, options.input);
  if (baseline.kind === 'estimate') {
    const priced = await priceProjects(projects, ['after'], usage, options.pricing);
    return toCostDiff(diffEstimates(baseline.projects, estimateSide(priced, 'after')), priced.pricing);
  }
  const priced = await priceProjects([...projects, ...baseline.projects], ['after'], usage, options.pricing);
  const sides = estimateSide(priced, 'after');
  return toCostDiff(diffEstimates(sides.slice(projects.length), sides.slice(0, projects.length)), priced.pricing);
}

type DiffArgs = EstimateArgs & { 'compare-to'?: string; format: (typeof DIFF_FORMATS)[number]; tag?: string; config?: string };

export async function runDiff(values: OptionValues): Promise<void> {
  const a = values as unknown as DiffArgs;
  if (a.tag !== undefined && !validTag(a.tag)) throw new UsageError('--tag may only contain letters, digits, ".", "_", "-" and "/" (at most 64)');
  const diff = await computeDiff({
    path: a.path,
    compareTo: a['compare-to'],
    input: inputOptions(a, process.env),
    usageFile: a['usage-file'],
    pricing: pricingOptions(a, process.env, warn),
  });
  if (a.format !== 'table') for (const p of diff.projects) for (const w of p.warnings) warn(w);
  if (a.format === 'html') {
    const [{ renderHtml }, { findConfig }] = await Promise.all([import('../../report/html.js'), import('../../config/load.js')]);
    await emit(renderHtml(diff, await findConfig(a.config)), a.out);
    return;
  }
  const text = a.format === 'json' ? renderDiffJson(diff) : a.format === 'markdown' ? renderMarkdown(diff, { tag: a.tag }) : renderDiffTable(diff);
  await emit(text, a.out);
}
