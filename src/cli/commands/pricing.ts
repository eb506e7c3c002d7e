import type { Argv } from 'yargs';
import { UserError } from '../../core/errors.js';
import { cacheInfo, verifyCache } from '../../pricing/cache/verify.js';
import { resolveCacheDir } from '../../pricing/source.js';

interface PricingArgs {
  'pricing-cache'?: string;
  json?: boolean;
}

export function pricingCommand<T>(y: Argv<T>) {
  return y.command('pricing <action>', 'Inspect, verify or refresh the pricing cache', (p) =>
    p
      .option('pricing-cache', { type: 'string', describe: 'pricing cache directory (default: the bundled snapshot; env COSTDIFF_PRICING_CACHE)' })
      .command(
        'info',
        'Snapshot date, sources, and the services and regions covered',
        (i) => i.option('json', { type: 'boolean', describe: 'print as JSON' }),
        (args) => {
          const a = args as unknown as PricingArgs;
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
            `Products: ${info.products.toLocaleString('en-US')} in ${info.services.length} services, ${info.regions.length} regions`,
            '',
            'Services:',
            ...info.services.map((s) => `  ${s.service.padEnd(20)} ${String(s.products).padStart(7)} products  ${s.regions.length} regions`),
            '',
            `Regions: ${info.regions.join(', ')}`,
            '',
            'Sources:',
            ...info.sources.map((s) => `  ${s.date}  ${s.source}`),
          ];
          process.stdout.write(lines.join('\n') + '\n');
        },
      )
      .command('verify', 'Check every cache file against the manifest checksums', {}, (args) => {
        const dir = resolveCacheDir((args as unknown as PricingArgs)['pricing-cache'], process.env);
        const result = verifyCache(dir);
        if (result.problems.length) {
          for (const p of result.problems) process.stderr.write(`costdiff: ${dir}/${p}\n`);
          throw new UserError(`pricing cache ${dir}: ${result.problems.length} problem(s) in ${result.checked} files`);
        }
        process.stdout.write(`pricing cache ${dir}: ${result.checked} files verified\n`);
      })
      .command(
        'refresh',
        'Fetch prices from the AWS Price List API into the cache (needs AWS credentials)',
        (r) =>
          r
            .option('region', { type: 'string', array: true, describe: 'regions to refresh (repeatable; default: the regions the cache has)' })
            .option('service', { type: 'string', array: true, describe: 'Price List service codes (default: those costdiff prices)' }),
        async (args) => {
          const a = args as unknown as PricingArgs & { region?: string[]; service?: string[] };
          const { refreshCache } = await import('../../pricing/online/refresh.js');
          const summary = await refreshCache({
            cacheDir: resolveCacheDir(a['pricing-cache'], process.env),
            regions: a.region ?? [],
            services: a.service ?? [],
            log: (line) => process.stderr.write(`${line}\n`),
            progress: Boolean(process.stderr.isTTY),
          });
          process.stdout.write(`refreshed ${summary.products} products in ${summary.files} files\n`);
        },
      )
      .demandCommand(1, 'name a pricing action: info, verify or refresh'),
  );
}
