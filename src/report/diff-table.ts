import type { CostDiff, DiffTotals, ProjectDiff, ResourceDiff } from '../estimate/diff-types.js';
import type { ChangeAction } from '../input/types.js';
import type { ResourceEstimate } from '../estimate/types.js';
import { renderColumns, type Alignment } from './columns.js';
import { costOrReason, money, moneyRange, percent, plural, signedMoney, signedMoneyRange } from './format.js';

/**
 * The terminal view of a diff: per project the resources that change, with Terraform's symbols
 * and past → planned (delta), unchanged ones as a count, then totals and what was not priced.
 */

export const ACTION_SYMBOL: Record<ChangeAction, string> = {
  create: '+',
  update: '~',
  delete: '-',
  replace: '-/+',
  'no-op': ' ',
};

export function sideText(side: ResourceEstimate | undefined): string {
  if (!side) return '–';
  return costOrReason(side.monthlyCost, side.unpriced.length > 0 || side.subresources.some((s) => s.unpriced.length > 0), side.costRange);
}

const ALIGNMENT: Alignment[] = ['left', 'left', 'right', 'center', 'right', 'right'];

function resourceRow(r: ResourceDiff): string[] {
  const range = r.deltaRange ? `; range ${signedMoneyRange(r.deltaRange)}` : '';
  return [ACTION_SYMBOL[r.action], `${r.address}`, sideText(r.past), '→', sideText(r.planned), `(${signedMoney(r.deltaMonthlyCost)}${range})`];
}

function totalsText(t: DiffTotals): string {
  const pct = t.deltaPercent && !t.delta.isZero() ? `, ${percent(t.deltaPercent)}` : '';
  const text = `${money(t.past)} → ${money(t.planned)} (${signedMoney(t.delta)}${pct})`;
  if (!t.pastRange || !t.plannedRange || !t.deltaRange) return text;
  return `${text}; with usage ranges ${moneyRange(t.pastRange)} → ${moneyRange(t.plannedRange)} (${signedMoneyRange(t.deltaRange)})`;
}

function renderProject(p: ProjectDiff): string {
  const changed = p.resources.filter((r) => r.action !== 'no-op');
  const unchanged = p.resources.length - changed.length;
  const lines = [`Project: ${p.name} (${p.region})`, ''];
  if (changed.length) {
    lines.push(renderColumns([['', 'Resource', 'Before', '', 'After', 'Change'], ...changed.map(resourceRow)], ALIGNMENT));
  } else {
    lines.push('No priced resource changes.');
  }
  if (unchanged) lines.push(`  ${plural(unchanged, 'priced resource')} unchanged`);
  lines.push('', `Project total (monthly)  ${totalsText(p.totals)}`);
  const unpriced = p.resources.flatMap((r) =>
    r.unpriced.map((u) => `  ${r.address}${u.component === 'all' ? '' : ` ${u.component}`}${u.side === 'past' && r.planned ? ' (before the change)' : ''}: ${u.reason}`),
  );
  if (unpriced.length) lines.push('Not priced (counted as $0.00):', ...unpriced);
  if (p.unsupported.length) {
    lines.push('Not supported yet (not included in the totals):');
    for (const u of p.unsupported) lines.push(`  ${u.address}`);
  }
  for (const w of p.warnings) lines.push(`Warning: ${w}`);
  return lines.join('\n');
}

const ACTION_LEGEND = '+ create  ~ update  - delete  -/+ replace';

export function renderDiffTable(d: CostDiff): string {
  const footer = [
    '',
    `OVERALL (monthly)  ${totalsText(d.totals)}`,
    `Legend: ${ACTION_LEGEND}. Unknown costs count as $0.00 in totals.`,
    `Prices: AWS on-demand list prices, ${d.pricing.mode === 'online' ? 'cache and Price List API' : 'offline snapshot'} ${d.pricing.snapshot}.`,
  ];
  const savings = (d.recommendations ?? []).map((r) => `  ${r.address}: ${r.change} saves ${money(r.monthlySaving)}/month (${r.detail})`);
  if (savings.length) footer.push('', 'Savings on what this change adds (same list prices):', ...savings);
  return d.projects.map(renderProject).join('\n\n') + '\n' + footer.join('\n') + '\n';
}
