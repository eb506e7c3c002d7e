import { breakdown } from '../../pipeline.js';
import type { OptionValues } from '../args.js';
import type { BREAKDOWN_FORMATS } from '../program.js';
import { inputOptions, pricingOptions, projectSelection, readConfig, type EstimateArgs } from '../common.js';
import { emit, warn } from '../output.js';

type BreakdownArgs = EstimateArgs & { format: (typeof BREAKDOWN_FORMATS)[number]; config?: string };

export async function runBreakdown(values: OptionValues): Promise<void> {
  const a = values as unknown as BreakdownArgs;
  const estimate = await breakdown({
    selection: await projectSelection(a),
    input: inputOptions(a, process.env),
    usageFile: a['usage-file'],
    pricing: pricingOptions(a, process.env, warn),
  });
  // Warnings go to stderr so that JSON on stdout stays machine-readable.
  if (a.format !== 'table') for (const p of estimate.projects) for (const w of p.warnings) warn(w);
  if (a.format === 'html') {
    const { renderHtml } = await import('../../report/html.js');
    await emit(renderHtml(estimate, await readConfig(a.config)), a.out);
    return;
  }
  // Only the renderer asked for is loaded.
  const text = a.format === 'json' ? (await import('../../report/json.js')).renderJson(estimate) : (await import('../../report/table.js')).renderTable(estimate);
  await emit(text, a.out);
}
