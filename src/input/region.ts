import { UserError } from '../core/errors.js';
import { DEFAULT_REGION, isKnownRegion } from '../core/regions.js';
import type { RegionDefaults, RegionSource } from './types.js';

/** Throws a user error for a region code AWS does not have (almost always a typo). */
export function validateRegion(region: string, where: string): string {
  if (!isKnownRegion(region)) throw new UserError(`${where}: unknown AWS region "${region}"`);
  return region;
}

/**
 * The region used when the configuration does not set one, in the order Terraform's AWS provider
 * would find it at apply time: AWS_REGION, AWS_DEFAULT_REGION, then `--region`, then us-east-1.
 */
export function resolveDefaultRegion(
  defaults: RegionDefaults,
  warnings: string[],
  context: string,
): { region: string; source: RegionSource } {
  const env = defaults.env.AWS_REGION || defaults.env.AWS_DEFAULT_REGION;
  if (env) return { region: validateRegion(env, defaults.env.AWS_REGION ? 'AWS_REGION' : 'AWS_DEFAULT_REGION'), source: 'environment' };
  if (defaults.flag) return { region: validateRegion(defaults.flag, '--region'), source: 'flag' };
  warnings.push(`${context}; assuming ${DEFAULT_REGION} (set AWS_REGION or pass --region)`);
  return { region: DEFAULT_REGION, source: 'default' };
}
