import { existsSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import type { InputOptions } from '../input/index.js';
import type { ProjectSelection } from '../input/projects.js';
import type { CostdiffConfig } from '../config/types.js';
import { DEFAULT_CONFIG_FILE } from '../core/paths.js';
import { isOnline, resolveCacheDir, type PricingOptions } from '../pricing/source.js';

/** Values of the options every estimating command shares (see ESTIMATE_OPTIONS in program.ts). */
export interface EstimateArgs {
  path?: string;
  'usage-file'?: string;
  region?: string;
  'terraform-var-file'?: string[];
  'terraform-var'?: string[];
  'project-name'?: string;
  out?: string;
  'pricing-cache'?: string;
  online?: boolean;
}

export function inputOptions(args: EstimateArgs, env: NodeJS.ProcessEnv): InputOptions {
  const vars: Record<string, string> = {};
  for (const kv of args['terraform-var'] ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`--terraform-var expects name=value, got "${kv}"`);
    vars[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return {
    env,
    flag: args.region,
    varFiles: args['terraform-var-file'] ?? [],
    vars,
    projectName: args['project-name'],
  };
}

export function pricingOptions(args: EstimateArgs, env: NodeJS.ProcessEnv, log?: (line: string) => void): PricingOptions {
  return { cacheDir: resolveCacheDir(args['pricing-cache'], env), online: isOnline(args.online, env), log };
}

/**
 * What to price: --path, or without it the projects of costdiff.yml (--config, else ./costdiff.yml).
 * The config's `usage:` applies either way. The config module (and the YAML parser) is only
 * loaded when there is a config to read.
 */
export async function projectSelection(a: { path?: string; config?: string }): Promise<ProjectSelection> {
  const config = await readConfig(a.config);
  return { path: a.path, configFile: config?.file, configured: config?.projects, ...(config?.usage ? { usage: config.usage } : {}) };
}

/** costdiff.yml: --config, else ./costdiff.yml when present; its modules load only then. */
export async function readConfig(flag: string | undefined): Promise<CostdiffConfig | undefined> {
  if (!flag && !existsSync(DEFAULT_CONFIG_FILE)) return undefined;
  const { findConfig } = await import('../config/load.js');
  return findConfig(flag);
}
