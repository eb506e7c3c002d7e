import type { Decimal } from '../core/decimal.js';
import type { CostRange } from '../estimate/types.js';
import type { CostDiff, DiffTotals, ProjectDiff, ResourceDiff } from '../estimate/diff-types.js';
import type { ChangeAction } from '../input/types.js';
import { sideText } from './diff-table.js';
import { costOrReason, count, money, percent, plural, signedMoney, signedMoneyRange, unsignedMoney, withRange } from './format.js';

/**
 * The pull-request comment, written for a product owner first: the headline, the verdict, the
 * callers' extra sections, per-project totals, then detail folded into <details>. Bodies over
 * GitHub's limit are shortened by folding detail, never by cutting text.
 */

/** GitHub rejects comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** One line from the policy stage ("Within budget", "Needs approval from …"). */
  verdict?: string;
  /** Markdown sections (unit economics, forecast, approvals) placed after the headline/verdict. */
  extraSections?: string[];
  /** Separates the comments of several workflows in one repository: <!-- costdiff:tag -->. */
  tag?: string;
  /** Defaults to GitHub's comment limit. */
  maxLength?: number;
}

export function commentMarker(tag?: string): string {
  return tag ? `<!-- costdiff:${tag} -->` : '<!-- costdiff -->';
}

/** Tags end up inside an HTML comment: keep them to a safe alphabet. */
export function validTag(tag: string): boolean {
  return /^[A-Za-z0-9._\/-]{1,64}$/.test(tag);
}

const ACTION_WORD: Record<ChangeAction, string> = {
  create: 'new',
  update: 'changed',
  delete: 'removed',
  replace: 'replaced',
  'no-op': 'unchanged',
};

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Table cells: pipes would split the cell, even inside code spans. */
function cell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

const isZeroCents = (d: Decimal) => d.toFixed(2) === '0.00' || d.toFixed(2) === '-0.00';

/** A total with its usage range when the range says more than the figure. */
function totalText(point: Decimal, range: CostRange | undefined): string {
  return range && !(range.low.eq(point) && range.high.eq(point)) ? withRange(point, range) : money(point);
}

/** "between $380.00 and $560.00": unsigned when both bounds go the way of `verb`, else signed. */
function between(r: CostRange, verb: 'adds' | 'saves' | undefined): string {
  const sameWay = verb === 'adds' ? !r.low.isNegative() : verb === 'saves' ? !r.high.isPositive() : false;
  const f = sameWay ? unsignedMoney : signedMoney;
  return `between ${f(verb === 'saves' ? r.high : r.low)} and ${f(verb === 'saves' ? r.low : r.high)}`;
}

export function headline(t: DiffTotals): string {
  const total = t.plannedRange && !(t.plannedRange.low.eq(t.planned) && t.plannedRange.high.eq(t.planned))
    ? `${money(t.planned)} (${between(t.plannedRange, 'adds')} depending on usage)`
    : money(t.planned);
  const range = t.deltaRange && !(t.deltaRange.low.eq(t.delta) && t.deltaRange.high.eq(t.delta)) ? t.deltaRange : undefined;
  if (isZeroCents(t.delta)) {
    if (range && !(isZeroCents(range.low) && isZeroCents(range.high))) {
      return `This pull request does not change the monthly cost at the usage given; depending on usage, ${between(range, undefined)} per month. Monthly total: ${total}.`;
    }
    return `This pull request does not change the monthly cost. Monthly total: ${total}.`;
  }
  const verb = t.delta.isNegative() ? 'saves' : 'adds';
  const notes = [...(t.deltaPercent ? [percent(t.deltaPercent)] : []), ...(range ? [`${between(range, verb)} depending on usage`] : [])];
  const pct = notes.length ? ` (${notes.join('; ')})` : '';
  return (
    `This pull request ${verb} **${unsignedMoney(t.delta)} per month**${pct}, **${unsignedMoney(t.deltaYearly)} per year**. ` +
    `New monthly total: ${total}.`
  );
}

function change(t: DiffTotals): string {
  const pct = t.deltaPercent && !t.delta.isZero() ? ` (${percent(t.deltaPercent)})` : '';
  const range = t.deltaRange && !(t.deltaRange.low.eq(t.delta) && t.deltaRange.high.eq(t.delta)) ? ` (range ${signedMoneyRange(t.deltaRange)})` : '';
  return `${signedMoney(t.delta)}${pct}${range}`;
}

interface Folding {
  /** Per project: 0 full detail, 1 without cost lines, 2 a count line only. */
  levels: number[];
  /** Unpriced and unsupported lists reduced to counts. */
  listsAsCounts: boolean;
  /** Rows of the project table shown (the largest changes first when fewer than all). */
  projectRows: number;
}

function projectTable(d: CostDiff, rows: number): string[] {
  const lines = ['| Project | Before | After | Change |', '| --- | ---: | ---: | ---: |'];
  let shown = d.projects;
  if (rows < d.projects.length) {
    shown = [...d.projects].sort((a, b) => absCmp(b.totals.delta.scaled, a.totals.delta.scaled)).slice(0, rows);
  }
  for (const p of shown) lines.push(`| ${cell(p.name)} | ${totalText(p.totals.past, p.totals.pastRange)} | ${totalText(p.totals.planned, p.totals.plannedRange)} | ${change(p.totals)} |`);
  if (rows < d.projects.length) lines.push(`| *${plural(d.projects.length - rows, 'more project')} (smaller changes)* | | | |`);
  if (d.projects.length > 1) {
    lines.push(`| **Total** | **${totalText(d.totals.past, d.totals.pastRange)}** | **${totalText(d.totals.planned, d.totals.plannedRange)}** | **${change(d.totals)}** |`);
  }
  return lines;
}

function absCmp(a: bigint, b: bigint): number {
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  return x > y ? 1 : x < y ? -1 : 0;
}

function componentCost(side: { monthlyCost: Decimal | null; costRange?: CostRange } | undefined): string {
  return side ? costOrReason(side.monthlyCost, false, side.costRange) : '–';
}

function deltaText(delta: Decimal, range: CostRange | undefined): string {
  return range && !(range.low.eq(delta) && range.high.eq(delta)) ? `${signedMoney(delta)} (range ${signedMoneyRange(range)})` : signedMoney(delta);
}

function resourceRows(r: ResourceDiff, withComponents: boolean): string[] {
  const rows = [`| ${cell(code(r.address))} | ${ACTION_WORD[r.action]} | ${sideText(r.past)} | ${sideText(r.planned)} | ${deltaText(r.deltaMonthlyCost, r.deltaRange)} |`];
  if (withComponents) {
    for (const c of r.components) {
      rows.push(`| &nbsp;&nbsp;↳ ${cell(c.name)} | | ${componentCost(c.past)} | ${componentCost(c.planned)} | ${deltaText(c.deltaMonthlyCost, c.deltaRange)} |`);
    }
  }
  return rows;
}

function projectDetail(p: ProjectDiff, level: number, multi: boolean): string[] {
  const changed = p.resources.filter((r) => r.action !== 'no-op');
  const unchanged = p.resources.length - changed.length;
  const counts = `${plural(changed.length, 'resource')} ${changed.length === 1 ? 'changes' : 'change'}${unchanged ? `, ${count(unchanged)} unchanged` : ''}`;
  const title = multi ? `<strong>${escapeText(p.name)}</strong>: ${counts}` : `Resource detail: ${counts}`;
  if (changed.length === 0) return [];
  if (level >= 2) return [`- ${title} (detail left out, see the note below)`, ''];
  const lines = ['<details>', `<summary>${title}</summary>`, '', '| Resource | Action | Before | After | Change |', '| --- | --- | ---: | ---: | ---: |'];
  for (const r of changed) lines.push(...resourceRows(r, level === 0));
  lines.push('', '</details>', '');
  return lines;
}

function unpricedSection(d: CostDiff, asCount: boolean): string[] {
  const multi = d.projects.length > 1;
  const items = d.projects.flatMap((p) =>
    p.resources
      .filter((r) => r.action !== 'no-op' || r.unpriced.length)
      .flatMap((r) =>
        r.unpriced.map((u) => {
          const what = u.component === 'all' ? '' : ` ${escapeText(u.component)}`;
          const when = u.side === 'past' && r.planned ? ' (before the change)' : '';
          return `- ${code(r.address)}${what}${when}${multi ? ` in ${escapeText(p.name)}` : ''}: ${escapeText(u.reason)}`;
        }),
      ),
  );
  if (!items.length) return [];
  const lines = ['#### Could not be priced', '', 'These are counted as $0.00 in the totals above.', ''];
  lines.push(...(asCount ? [`- ${plural(items.length, 'part')} of resources (list left out, see the note below)`] : items), '');
  return lines;
}

function unsupportedSection(d: CostDiff, asCount: boolean): string[] {
  const multi = d.projects.length > 1;
  const items = d.projects.flatMap((p) => p.unsupported.map((u) => `- ${code(u.address)}${multi ? ` in ${escapeText(p.name)}` : ''}`));
  if (!items.length) return [];
  const lines = ['#### Not supported yet', '', 'costdiff does not price these resource types yet; they are not in the totals.', ''];
  lines.push(...(asCount ? [`- ${plural(items.length, 'resource')} (list left out, see the note below)`] : items), '');
  return lines;
}

function foldNote(d: CostDiff, f: Folding, limit: number): string[] {
  const parts: string[] = [];
  const noLines = f.levels.filter((l) => l === 1).length;
  const noDetail = f.levels.filter((l) => l === 2).length;
  if (noLines) parts.push(`the cost lines of ${plural(noLines, 'project')}`);
  if (noDetail) parts.push(`the resource detail of ${plural(noDetail, 'project')}`);
  if (f.listsAsCounts) parts.push('the lists of unpriced and unsupported resources');
  if (f.projectRows < d.projects.length) parts.push(`${plural(d.projects.length - f.projectRows, 'row')} of the project table`);
  if (!parts.length) return [];
  return [
    `> **Note:** this comment leaves out ${parts.join(', ')} to keep the comment within ${count(limit)} characters (GitHub's limit is ${count(GITHUB_COMMENT_LIMIT)}). ` +
      'Run `costdiff diff` or see the JSON report for everything.',
    '',
  ];
}

/** Savings on what the change adds, computed from the same prices. */
function savingsSection(d: CostDiff): string[] {
  const recs = d.recommendations ?? [];
  if (recs.length === 0) return [];
  return [
    '#### Possible savings',
    '',
    ...recs.map((r) => `- \`${escapeText(r.address)}\`: ${escapeText(r.change)} saves **${money(r.monthlySaving)} per month** — ${escapeText(r.detail)}`),
    '',
  ];
}

function render(d: CostDiff, options: MarkdownOptions, f: Folding, limit: number): string {
  const multi = d.projects.length > 1;
  const lines = [commentMarker(options.tag), '### Monthly cost of this change', '', headline(d.totals), ''];
  if (options.verdict) lines.push(options.verdict, '');
  for (const s of options.extraSections ?? []) lines.push(s.trimEnd(), '');
  lines.push(...projectTable(d, f.projectRows), '');
  d.projects.forEach((p, i) => lines.push(...projectDetail(p, f.levels[i], multi)));
  lines.push(...savingsSection(d));
  lines.push(...unpricedSection(d, f.listsAsCounts));
  lines.push(...unsupportedSection(d, f.listsAsCounts));
  lines.push(...foldNote(d, f, limit));
  const mode = d.pricing.mode === 'online' ? 'snapshot and AWS Price List API' : 'offline snapshot';
  lines.push('---', `<sub>AWS on-demand list prices, ${mode} of ${escapeText(d.pricing.snapshot || 'unknown date')}. Unknown costs count as $0.00. Generated by costdiff.</sub>`);
  return lines.join('\n') + '\n';
}

/**
 * The comment body. Too long for GitHub? Cost lines go first, then per-project resource detail,
 * largest project first; then the lists, then rows of the project table.
 */
export function renderMarkdown(d: CostDiff, options: MarkdownOptions = {}): string {
  const limit = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const f: Folding = { levels: d.projects.map(() => 0), listsAsCounts: false, projectRows: d.projects.length };
  let body = render(d, options, f, limit);
  if (body.length <= limit) return body;
  const multi = d.projects.length > 1;
  for (const level of [1, 2]) {
    const bySize = d.projects
      .map((p, i) => ({ i, size: projectDetail(p, f.levels[i], multi).join('\n').length }))
      .sort((a, b) => b.size - a.size || a.i - b.i);
    for (const { i } of bySize) {
      if (f.levels[i] >= level || !d.projects[i].resources.some((r) => r.action !== 'no-op')) continue;
      f.levels[i] = level;
      body = render(d, options, f, limit);
      if (body.length <= limit) return body;
    }
  }
  f.listsAsCounts = true;
  body = render(d, options, f, limit);
  while (body.length > limit && f.projectRows > 1) {
    f.projectRows = Math.floor(f.projectRows / 2);
    body = render(d, options, f, limit);
  }
  return body;
}
