import type { Argv } from 'yargs';
import { UsageError } from '../core/errors.js';
import type { InputOptions } from '../input/index.js';
import { isOnline, resolveCacheDir, type PricingOptions } from '../pricing/source.js';

/** Options shared by the commands that read Terraform and price it. */
export function withEstimateOptions<T>(y: Argv<T>) {
  return y
    .option('path', { type: 'string', demandOption: true, describe: 'plan JSON, binary plan, or directory of .tf files' })
    .option('usage-file', { type: 'string', describe: 'usage file (Infracost format: version 0.1, resource_usage)' })
    .option('region', { type: 'string', describe: 'region when neither the configuration nor AWS_REGION/AWS_DEFAULT_REGION sets one' })
    .option('terraform-var-file', { type: 'string', array: true, describe: '.tfvars file for .tf directories (repeatable)' })
    .option('terraform-var', { type: 'string', array: true, describe: 'k=v variable for .tf directories (repeatable)' })
    .option('project-name', { type: 'string', describe: 'name to show for the project' })
    .option('out', { type: 'string', describe: 'write the report to this file instead of stdout' });
}

export function withPricingOptions<T>(y: Argv<T>) {
  return y
    .option('pricing-cache', { type: 'string', describe: 'pricing cache directory (default: the bundled snapshot; env COSTDIFF_PRICING_CACHE)' })
    .option('online', { type: 'boolean', describe: 'on a cache miss, ask the AWS Price List API (env COSTDIFF_PRICING=online)' });
}

export interface EstimateArgs {
  path: string;
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
