import { UserError } from '../../core/errors.js';
import { cacheInfo, verifyCache } from '../../pricing/cache/verify.js';
import { resolveCacheDir } from '../../pricing/source.js';
import { count, plural } from '../../report/format.js';
import type { OptionValues } from '../args.js';

interface PricingArgs {
  'pricing-cache'?: string;
  json?: boolean;
  region?: string[];
  service?: string[];
}

export function runPricingInfo(values: OptionValues): void {
  const a = values as unknown as PricingArgs;
  const dir = resolveCacheDir(a['pricing-cache'], process.env);
  const info = cacheInfo(dir);
  if (!info) throw new UserError(`${dir} has no pricing cache (manifest.json); fill it with \`costdiff pricing refresh\``);
  if (a.json) {
    process.stdout.write(JSON.stringify({ directory: dir, ...info }, null, 2) + '\n');
    return;
  }
  const lines = [
    `Pricing cache: ${dir}`,
    `Snapshot: ${info.snapshot}`,
    `Products: ${count(info.products)} in ${info.services.length} services, ${info.regions.length} regions`,
    '',
    'Services:',
    ...info.services.map((s) => `  ${s.service.padEnd(20)} ${count(s.products).padStart(7)} products  ${plural(s.regions.length, 'region')}`),
    '',
    `Regions: ${info.regions.join(', ')}`,
    '',
    'Sources:',
    ...info.sources.map((s) => `  ${s.date}  ${s.source}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

export function runPricingVerify(values: OptionValues): void {
  const dir = resolveCacheDir((values as unknown as PricingArgs)['pricing-cache'], process.env);
  const result = verifyCache(dir);
  if (result.problems.length) {
    for (const p of result.problems) process.stderr.write(`costdiff: ${dir}/${p}\n`);
    throw new UserError(`pricing cache ${dir}: ${result.problems.length} problem(s) in ${result.checked} files`);
  }
  process.stdout.write(`pricing cache ${dir}: ${result.checked} files verified\n`);
}

export async function runPricingRefresh(values: OptionValues): Promise<void> {
  const a = values as unknown as PricingArgs;
  // The AWS SDK is loaded only here and for --online misses.
  const { refreshCache } = await import('../../pricing/online/refresh.js');
  const summary = await refreshCache({
    cacheDir: resolveCacheDir(a['pricing-cache'], process.env),
    regions: a.region ?? [],
    services: a.service ?? [],
    log: (line) => process.stderr.write(`${line}\n`),
    progress: Boolean(process.stderr.isTTY),
  });
  process.stdout.write(`refreshed ${summary.products} products in ${summary.files} files\n`);
}
