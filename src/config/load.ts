import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { DEFAULT_CONFIG_FILE } from '../core/paths.js';
import { MetricFileError, parseMetricFile } from './metrics.js';
import type { CostdiffConfig } from './types.js';
import { validateConfig, type Problem } from './validate.js';
import { YamlSyntaxError, parseYamlTree } from './yaml-tree.js';

export { DEFAULT_CONFIG_FILE };

/** A bad config: one line naming the first problem; all of them in `problems`. */
export class ConfigError extends UserError {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(formatProblems(file, problems));
    this.name = 'ConfigError';
  }
}

function formatProblem(file: string, p: Problem): string {
  return `${file}: ${p.path ? `${p.path}: ` : ''}${p.message}${p.line ? ` (line ${p.line})` : ''}`;
}

function formatProblems(file: string, problems: Problem[]): string {
  const first = formatProblem(file, problems[0]);
  if (problems.length === 1) return first;
  const rest = problems.slice(1).map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}`);
  return `${first}; also ${rest.join('; ')}`;
}

/**
 * Parses and validates config text. `baseDir` is where relative metric files are found (the
 * config file's directory).
 */
export async function parseConfig(text: string, file: string, baseDir: string): Promise<CostdiffConfig> {
  let root;
  try {
    root = await parseYamlTree(text);
  } catch (err) {
    if (err instanceof YamlSyntaxError) throw new ConfigError(file, [{ path: '', message: `not valid YAML: ${err.message}`, line: err.line }]);
    throw err;
  }
  const { result, problems } = validateConfig(root, file);
  if (!result) throw new ConfigError(file, problems);
  const { config } = result;
  const fileProblems: Problem[] = [];
  for (const pending of result.metricFiles) {
    const path = `unit_economics[${pending.index}].file`;
    let content: string;
    try {
      content = await readFile(resolve(baseDir, pending.file), 'utf8');
    } catch (err) {
      fileProblems.push({ path, message: `cannot read ${pending.file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, line: pending.line });
      continue;
    }
    try {
      const series = parseMetricFile(content, pending.file);
      const metric = config.unitEconomics[pending.index];
      metric.series = series;
      metric.monthlyVolume = series[series.length - 1].value;
      if (metric.monthlyVolume.isZero()) {
        fileProblems.push({ path, message: `${pending.file}: the latest month (${series[series.length - 1].month}) has volume 0; a cost per unit needs a volume > 0`, line: pending.line });
      }
    } catch (err) {
      if (!(err instanceof MetricFileError)) throw err;
      fileProblems.push({ path, message: `${pending.file}: ${err.message}`, line: pending.line });
    }
  }
  // A metric that grows only by its observed trend needs two consecutive months to have one.
  for (const [metric] of config.forecast?.scaleWith ?? []) {
    if (config.forecast?.growth.has(metric)) continue;
    const m = config.unitEconomics.find((u) => u.name === metric);
    if (m && m.series.length < 2 && !fileProblems.length) {
      fileProblems.push({
        path: `forecast.scale_with.${metric}`,
        message: `no growth for "${metric}": ${m.file} has ${m.series.length} month; set forecast.growth.${metric} or add more months`,
        line: 0,
      });
    }
  }
  if (fileProblems.length) throw new ConfigError(file, fileProblems);
  return config;
}

/** Reads and validates a costdiff.yml. */
export async function loadConfig(path: string): Promise<CostdiffConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UserError(`${path}: cannot read config (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseConfig(text, path, dirname(resolve(path)));
}

/** `--config F`, else ./costdiff.yml when it exists, else no config. */
export async function findConfig(flag: string | undefined, cwd = process.cwd()): Promise<CostdiffConfig | undefined> {
  if (flag) return loadConfig(flag);
  const candidate = resolve(cwd, DEFAULT_CONFIG_FILE);
  if (!existsSync(candidate)) return undefined;
  const config = await parseConfig(await readFile(candidate, 'utf8'), DEFAULT_CONFIG_FILE, cwd);
  return config;
}
