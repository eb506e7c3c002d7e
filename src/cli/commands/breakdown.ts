import type { Argv } from 'yargs';
import { breakdown } from '../../pipeline.js';
import { renderJson } from '../../report/json.js';
import { renderTable } from '../../report/table.js';
import { inputOptions, pricingOptions, withEstimateOptions, withPricingOptions, type EstimateArgs } from '../common.js';
import { emit, warn } from '../output.js';

export const BREAKDOWN_FORMATS = ['table', 'json', 'html'] as const;

export function breakdownCommand<T>(y: Argv<T>) {
  return y.command(
    'breakdown',
    'Monthly cost of every resource in a plan or .tf directory',
    (b) =>
      withPricingOptions(withEstimateOptions(b))
        .option('format', {
          choices: BREAKDOWN_FORMATS,
          default: 'table' as const,
          describe: 'output format',
        })
        .option('config', { type: 'string', describe: 'costdiff.yml for the html report (default: ./costdiff.yml when present)' }),
    async (args) => {
      const a = args as unknown as EstimateArgs & { format: (typeof BREAKDOWN_FORMATS)[number]; config?: string };
      const estimate = await breakdown({
        path: a.path,
        input: inputOptions(a, process.env),
        usageFile: a['usage-file'],
        pricing: pricingOptions(a, process.env, warn),
      });
      // Warnings go to stderr so that JSON on stdout stays machine-readable.
      if (a.format !== 'table') for (const p of estimate.projects) for (const w of p.warnings) warn(w);
      if (a.format === 'html') {
        const [{ renderHtml }, { findConfig }] = await Promise.all([import('../../report/html.js'), import('../../config/load.js')]);
        await emit(renderHtml(estimate, await findConfig(a.config)), a.out);
        return;
      }
      await emit(a.format === 'json' ? renderJson(estimate) : renderTable(estimate), a.out);
    },
  );
}
