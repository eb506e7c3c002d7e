import type { CostComponent, Estimate, ProjectEstimate, ResourceEstimate, SubresourceEstimate, UnpricedComponent } from '../estimate/types.js';
import { describePriceUnit } from '../estimate/units.js';
import { renderColumns, type Alignment } from './columns.js';
import { money, quantity, unitPrice, withRange } from './format.js';

/**
 * The terminal view for engineers: one row per resource with its cost components indented
 * beneath, sub-resources nested, usage-dependent lines showing their unit price.
 */

type Row = [string, string, string, string, string];

const HEADER: Row = ['Name', 'Monthly qty', 'Unit', 'Unit price', 'Monthly cost'];

function priceText(c: CostComponent): string {
  const per = describePriceUnit(c.priceUnit);
  const base = `${unitPrice(c.unitPrice)} per ${per}`;
  return c.tiers ? `${base} (tiered)` : base;
}

function componentRow(c: CostComponent, prefix: string): Row {
  if (c.costRange) {
    return [`${prefix}${c.name}`, c.monthlyQuantity ? quantity(c.monthlyQuantity) : '', c.unit, priceText(c), withRange(c.monthlyCost, c.costRange)];
  }
  if (c.monthlyCost === null) {
    return [`${prefix}${c.name}`, '', c.unit, priceText(c), 'depends on usage'];
  }
  return [`${prefix}${c.name}`, c.monthlyQuantity ? quantity(c.monthlyQuantity) : '', c.unit, priceText(c), money(c.monthlyCost)];
}

function unpricedRow(u: UnpricedComponent, prefix: string): Row {
  const name = u.component === 'all' ? 'Cost' : u.component;
  return [`${prefix}${name}`, '', '', '', 'not priced *'];
}

/** Every unpriced part with its reason, listed under the table so the table stays narrow. */
function unpricedLines(p: ProjectEstimate): string[] {
  const lines: string[] = [];
  const walk = (address: string, path: string, unpriced: UnpricedComponent[], subs: SubresourceEstimate[]): void => {
    for (const u of unpriced) {
      const what = u.component === 'all' ? '' : ` ${u.component}`;
      lines.push(`  ${address}${path}${what}: ${u.reason}`);
    }
    for (const s of subs) walk(address, `${path} › ${s.name}`, s.unpriced, s.subresources);
  };
  for (const r of p.resources) walk(r.address, '', r.unpriced, r.subresources);
  return lines;
}

/** Tree rows for a resource's components, unpriced parts and sub-resources. */
function childRows(
  components: CostComponent[],
  unpriced: UnpricedComponent[],
  subresources: SubresourceEstimate[],
  indent: string,
): Row[] {
  const items: ((prefix: string, childIndent: string) => Row[])[] = [
    ...components.map((c) => (p: string) => [componentRow(c, p)]),
    ...unpriced.map((u) => (p: string) => [unpricedRow(u, p)]),
    ...subresources.map((s) => (p: string, ci: string) => [
      [`${p}${s.name}`, '', '', '', s.costRange ? withRange(s.monthlyCost, s.costRange) : s.monthlyCost === null ? '' : money(s.monthlyCost)] as Row,
      ...childRows(s.components, s.unpriced, s.subresources, ci),
    ]),
  ];
  return items.flatMap((item, i) => {
    const last = i === items.length - 1;
    return item(`${indent}${last ? '└─ ' : '├─ '}`, `${indent}${last ? '   ' : '│  '}`);
  });
}

function resourceRows(r: ResourceEstimate): Row[] {
  const total = r.costRange
    ? withRange(r.monthlyCost, r.costRange)
    : r.monthlyCost === null
      ? r.unpriced.length
        ? 'not priced'
        : 'depends on usage'
      : money(r.monthlyCost);
  const head: Row = [r.action ? `${r.address} (${r.action})` : r.address, '', '', '', total];
  return [head, ...childRows(r.components, r.unpriced, r.subresources, ' ')];
}

const ALIGNMENT: Alignment[] = ['left', 'right', 'left', 'left', 'right'];

export function projectSummary(p: ProjectEstimate): string {
  // A resource counts as priced when at least one of its prices is known; one whose every part
  // failed (an unknown attribute, a price the cache lacks) is "not priced".
  const notPriced = p.resources.filter((r) => r.monthlyCost === null && !r.hasUsageBasedUnknowns).length;
  const priced = p.resources.length - notPriced;
  const total = p.resources.length + p.free.length + p.unsupported.length;
  const parts = [`${priced} priced`, ...(notPriced ? [`${notPriced} not priced`] : []), `${p.free.length} free`, `${p.unsupported.length} not supported`];
  return `${total} resource${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

function renderProject(p: ProjectEstimate): string {
  const rows: Row[] = [HEADER, ...p.resources.flatMap(resourceRows), ['Project total', '', '', '', p.costRange ? withRange(p.totalMonthlyCost, p.costRange) : money(p.totalMonthlyCost)]];
  const lines = [`Project: ${p.name} (${p.region})`, '', renderColumns(rows, ALIGNMENT), '', projectSummary(p)];
  const unpriced = unpricedLines(p);
  if (unpriced.length) lines.push('* Not priced (not included in the total):', ...unpriced);
  if (p.unsupported.length) {
    lines.push('Not supported yet (not included in the total):');
    for (const u of p.unsupported) lines.push(`  ${u.address}`);
  }
  const assumptions = p.resources.flatMap((r) => r.assumptions.map((a) => `${r.address}: ${a}`));
  if (assumptions.length) {
    lines.push('Assumptions:');
    for (const a of assumptions) lines.push(`  ${a}`);
  }
  for (const w of p.warnings) lines.push(`Warning: ${w}`);
  return lines.join('\n');
}

export function renderTable(e: Estimate): string {
  const parts = e.projects.map(renderProject);
  const footer = [
    '',
    `OVERALL TOTAL (monthly)  ${e.costRange ? withRange(e.totalMonthlyCost, e.costRange) : money(e.totalMonthlyCost)}`,
    `Prices: AWS on-demand list prices, ${e.pricing.mode === 'online' ? 'cache and Price List API' : 'offline snapshot'} ${e.pricing.snapshot}${pricedDates(e)}. Usage-based costs are shown only where a usage file gives usage.` +
      (e.costRange ? ' Ranges come from the low and high usage the usage file gives; a range without an expected value is not in the single figure.' : ''),
  ];
  return parts.join('\n\n') + '\n' + footer.join('\n') + '\n' + savingsLines(e);
}

/** The recommendations, one line each, largest saving first (as the estimate orders them). */
function savingsLines(e: Estimate): string {
  const recs = e.recommendations ?? [];
  if (recs.length === 0) return '';
  const lines = ['', 'Savings (same list prices):'];
  for (const r of recs) lines.push(`  ${r.address}: ${r.change} saves ${money(r.monthlySaving)}/month (${r.detail})`);
  return lines.join('\n') + '\n';
}

function pricedDates(e: Estimate): string {
  const d = e.pricing.sourceDates;
  if (d.length === 0) return '';
  return d.length === 1 ? ` (prices dated ${d[0]})` : ` (prices dated ${d[0]} to ${d[d.length - 1]})`;
}
