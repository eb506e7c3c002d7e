import { join, relative, sep } from 'node:path';
import { diffEstimates, diffPlanSides, toCostDiff } from '../../src/estimate/diff.js';
import type { CostDiff } from '../../src/estimate/diff-types.js';
import { readProjects } from '../../src/input/index.js';
import type { Project } from '../../src/input/types.js';
import { UsageFile } from '../../src/input/usage.js';
import { estimateSide, priceProjects } from '../../src/pipeline.js';
import { repoRoot } from './repo.js';

/** Diffs through the real pipeline (plan reader, resources, shipped pricing cache). */

const pricing = () => ({ cacheDir: join(repoRoot(), 'pricing-cache'), online: false });
const input = { env: {} as NodeJS.ProcessEnv };

/** Projects named by their path relative to the repository, so output is the same on every machine. */
export async function readPlans(paths: string[]): Promise<Project[]> {
  const projects = (await Promise.all(paths.map((p) => readProjects(p, input)))).flat();
  for (const p of projects) p.name = p.path = relative(repoRoot(), p.path).split(sep).join('/');
  return projects;
}

/** Each plan's prior state against its planned state. */
export async function planDiff(...paths: string[]): Promise<CostDiff> {
  return planDiffOf(await readPlans(paths));
}

export async function planDiffOf(projects: Project[]): Promise<CostDiff> {
  const priced = await priceProjects(projects, ['before', 'after'], UsageFile.empty(), pricing());
  return toCostDiff(diffPlanSides(projects, estimateSide(priced, 'before'), estimateSide(priced, 'after')), priced.pricing);
}

/** The planned state of `baseline` against the planned state of `proposed`. */
export async function twoInputDiff(baseline: string, proposed: string): Promise<CostDiff> {
  const [past, planned] = await Promise.all([readPlans([baseline]), readPlans([proposed])]);
  const priced = await priceProjects([...planned, ...past], ['after'], UsageFile.empty(), pricing());
  const sides = estimateSide(priced, 'after');
  return toCostDiff(diffEstimates(sides.slice(planned.length), sides.slice(0, planned.length)), priced.pricing);
}
