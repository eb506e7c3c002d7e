import { UsageError } from '../../core/errors.js';
import { diffEstimates, diffPlanSides, recommendationsForChange, toCostDiff } from '../../estimate/diff.js';
import { recommend } from '../../estimate/recommendations.js';
import type { CostDiff } from '../../estimate/diff-types.js';
import type { Baseline } from '../../input/baseline.js';
import type { InputOptions } from '../../input/index.js';
import { readSelectedProjects, type ProjectSelection } from '../../input/projects.js';
import type { Project } from '../../input/types.js';
import { estimateSide, loadProjectUsage, priceProjects, type PricedSides } from '../../pipeline.js';
import type { PricingOptions } from '../../pricing/source.js';
import type { CostdiffConfig } from '../../config/types.js';
import { diffJson, renderDiffJson } from '../../report/diff-json.js';
import type { FinOpsFigures } from '../../report/finops-summary.js';
import { renderDiffTable } from '../../report/diff-table.js';
import { renderMarkdown, validTag } from '../../report/markdown.js';
import type { OptionValues } from '../args.js';
import type { DIFF_FORMATS } from '../program.js';
import { inputOptions, pricingOptions, projectSelection, readConfig, type EstimateArgs } from '../common.js';
import { emit, warn } from '../output.js';

export interface DiffOptions {
  /** --path, or the projects of costdiff.yml. */
  selection: ProjectSelection;
  compareTo?: string;
  input: InputOptions;
  usageFile?: string;
  pricing: PricingOptions;
}

/**
 * Without a baseline, a plan's prior state against its planned state; with one, the baseline's
 * (planned) state against the new one, both priced from the same pricing source in one pass.
 * A git: baseline is read per project, each at its own path at that ref.
 */
export async function computeDiff(options: DiffOptions): Promise<CostDiff> {
  const projects = await readSelectedProjects(options.selection, options.input);
  if (!options.compareTo) {
    const usage = await loadProjectUsage(projects, options.usageFile, options.selection.usage);
    const priced = await priceProjects(projects, ['before', 'after'], usage, options.pricing);
    return withSavings(toCostDiff(diffPlanSides(projects, estimateSide(priced, 'before'), estimateSide(priced, 'after')), priced.pricing), priced, projects);
  }
  const baseline = await readBaselines(options.compareTo, projects, options);
  if (baseline.kind === 'estimate') {
    const priced = await priceProjects(projects, ['after'], await loadProjectUsage(projects, options.usageFile, options.selection.usage), options.pricing);
    return withSavings(toCostDiff(diffEstimates(baseline.projects, estimateSide(priced, 'after')), priced.pricing), priced, projects);
  }
  const all = [...projects, ...baseline.projects];
  const priced = await priceProjects(all, ['after'], await loadProjectUsage(all, options.usageFile, options.selection.usage), options.pricing);
  const sides = estimateSide(priced, 'after');
  return withSavings(toCostDiff(diffEstimates(sides.slice(projects.length), sides.slice(0, projects.length)), priced.pricing), priced, projects);
}

/** Savings for what the change creates or changes, priced from the same source. */
async function withSavings(diff: CostDiff, priced: PricedSides, projects: Project[]): Promise<CostDiff> {
  const results = projects.flatMap((p) => priced.sides.get(p)?.after ?? []);
  const savings = recommendationsForChange(diff, await recommend(results, priced.source, priced.book));
  return savings.length ? { ...diff, recommendations: savings } : diff;
}

async function readBaselines(spec: string, projects: Project[], options: DiffOptions): Promise<Baseline> {
  // Loaded only with --compare-to (it brings git and temporary directories).
  const { readBaseline } = await import('../../input/baseline.js');
  if (!spec.startsWith('git:')) return readBaseline(spec, options.selection.path ?? projects[0]?.path ?? '.', options.input);
  const out: Project[] = [];
  for (const project of projects) {
    const at = await readBaseline(spec, project.path, { ...options.input, projectName: project.name });
    if (at.kind !== 'projects') continue;
    // The baseline of a project is priced with the same usage as the project itself.
    for (const b of at.projects) out.push({ ...b, name: project.name, usageFile: project.usageFile });
  }
  return { kind: 'projects', projects: out };
}

type DiffArgs = EstimateArgs & { 'compare-to'?: string; format: (typeof DIFF_FORMATS)[number]; tag?: string; config?: string };

export async function runDiff(values: OptionValues): Promise<void> {
  const a = values as unknown as DiffArgs;
  if (a.tag !== undefined && !validTag(a.tag)) throw new UsageError('--tag may only contain letters, digits, ".", "_", "-" and "/" (at most 64)');
  const diff = await computeDiff({
    selection: await projectSelection(a),
    compareTo: a['compare-to'],
    input: inputOptions(a, process.env),
    usageFile: a['usage-file'],
    pricing: pricingOptions(a, process.env, warn),
  });
  if (a.format !== 'table') for (const p of diff.projects) for (const w of p.warnings) warn(w);
  // costdiff.yml (--config, else ./costdiff.yml) adds the FinOps view to every format.
  const config = await readConfig(a.config);
  if (a.format === 'html') {
    const { renderHtml } = await import('../../report/html.js');
    await emit(renderHtml(diff, config), a.out);
    return;
  }
  if (a.format === 'markdown') {
    // Policies and forecast (and their modules) only with a config.
    const finops = config ? await (await import('../../vcs/github/approvals.js')).finopsCommentParts(diff, config) : {};
    await emit(renderMarkdown(diff, { tag: a.tag, ...finops }), a.out);
    return;
  }
  if (!config) {
    await emit(a.format === 'json' ? renderDiffJson(diff) : renderDiffTable(diff), a.out);
    return;
  }
  const finops = await finopsFigures(diff, config);
  const { finopsJson, finopsLines } = await import('../../report/finops-summary.js');
  if (a.format === 'json') {
    await emit(JSON.stringify({ ...diffJson(diff), finops: finopsJson(finops, config) }, null, 2) + '\n', a.out);
    return;
  }
  await emit(`${renderDiffTable(diff)}\n${finopsLines(finops).join('\n')}\n`, a.out);
}

/** Policies (without approvals: those are read by `check` and `comment github`), unit costs, forecast. */
async function finopsFigures(diff: CostDiff, config: CostdiffConfig): Promise<FinOpsFigures> {
  const [{ forecast }, { decide, evaluatePolicies }, { unitEconomics }] = await Promise.all([
    import('../../estimate/forecast.js'),
    import('../../estimate/policy.js'),
    import('../../estimate/unit-economics.js'),
  ]);
  const projected = forecast(diff, config);
  const result = decide(evaluatePolicies(diff, config, projected), [], false);
  return { result, unitCosts: unitEconomics(diff, config.unitEconomics), forecast: projected };
}
