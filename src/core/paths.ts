import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The installed package's root (where package.json and pricing-cache/ live). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('costdiff: cannot find its package root');
    dir = parent;
  }
  root = dir;
  return dir;
}

/** The pricing cache shipped with the package. */
export function bundledPricingCache(): string {
  return join(packageRoot(), 'pricing-cache');
}

/** The config file found in the working directory when --config is not given. */
export const DEFAULT_CONFIG_FILE = 'costdiff.yml';
