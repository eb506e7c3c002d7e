import { Decimal } from '../core/decimal.js';
import type { CostdiffConfig } from '../config/types.js';
import { resourceDiff, totals } from '../estimate/diff.js';
import type { CostDiff, ProjectDiff, ResourceDiff } from '../estimate/diff-types.js';
import { forecast as computeForecast, type Forecast } from '../estimate/forecast.js';
import { decide, evaluatePolicies, type CheckResult } from '../estimate/policy.js';
import type { Estimate } from '../estimate/types.js';
import { costByService, unitEconomics, type ServiceCost } from '../estimate/unit-economics.js';
import { checkSummary, unitCostText } from './finops-markdown.js';
import { money, moneyRange, percent, quantity, signedMoney, signedMoneyRange } from './format.js';
import type { CostRange } from '../estimate/types.js';

/**
 * A self-contained HTML report: inline CSS and SVG charts drawn here, no scripts, fonts or
 * requests when it is opened (a Content-Security-Policy forbids them), so it can be kept as a
 * build artifact and read offline. Money comes from src/estimate; pixel positions are the only
 * floats here, and they never feed back into a figure.
 */

export interface HtmlOptions {
  /** The check result with approvals, when the caller has one (else policies are evaluated without). */
  result?: CheckResult;
  title?: string;
}

const ACTION_WORD: Record<string, string> = { create: 'new', update: 'changed', delete: 'removed', replace: 'replaced', 'no-op': 'unchanged' };

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function isEstimate(x: CostDiff | Estimate): x is Estimate {
  return (x as Estimate).totalMonthlyCost !== undefined && (x as CostDiff).totals === undefined;
}

/** A breakdown seen as a change that changes nothing: every resource unchanged, before = after. */
export function estimateAsDiff(e: Estimate): CostDiff {
  const projects: ProjectDiff[] = e.projects.map((p) => ({
    name: p.name,
    path: p.path,
    region: p.region,
    resources: p.resources.map((r) => resourceDiff('no-op', r, r)),
    free: p.free,
    unsupported: p.unsupported,
    totals: totals(p.totalMonthlyCost, p.totalMonthlyCost, { past: p.costRange, planned: p.costRange }),
    warnings: p.warnings,
  }));
  return { currency: 'USD', pricing: e.pricing, projects, totals: totals(e.totalMonthlyCost, e.totalMonthlyCost, { past: e.costRange, planned: e.costRange }) };
}

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--card:#f6f8fa;--up:#cf222e;--down:#1a7f37;--before:#8c959f;--after:#0969da;--band:rgba(9,105,218,.15)}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1000px;margin:0 auto;padding:24px}h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.headline{font-size:16px;margin:8px 0 16px}.muted{color:var(--muted)}.up{color:var(--up)}.down{color:var(--down)}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:150px}
.card .label{color:var(--muted);font-size:12px}.card .value{font-size:20px;font-weight:600;font-variant-numeric:tabular-nums}
.verdict{border-radius:8px;padding:10px 14px;margin:12px 0;border:1px solid var(--line)}.verdict.pass,.verdict.approved{background:#dafbe1}.verdict.pending{background:#fff8c5}.verdict.rejected,.verdict.failed{background:#ffebe9}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}tr.component td{color:var(--muted);font-size:12px}tr.component td:first-child{padding-left:24px}
.bar{height:8px;background:var(--card);border:1px solid var(--line);border-radius:4px;overflow:hidden;min-width:80px}.bar>span{display:block;height:100%;background:var(--after)}.bar.over>span{background:var(--up)}
svg{max-width:100%;height:auto}svg text.up{fill:var(--up)}svg text.down{fill:var(--down)}svg text{font:11px system-ui,sans-serif;fill:var(--muted)}.legend{display:flex;gap:16px;font-size:12px;color:var(--muted)}.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-2px;margin-right:4px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}footer{margin-top:32px;font-size:12px;color:var(--muted)}
`;

function num(d: Decimal): number {
  return d.toNumber(2);
}

/** Round, readable axis steps: 1, 2 or 5 × 10^n. */
function niceStep(max: number, ticks: number): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

function axisMoney(v: number): string {
  return money(Decimal.fromNumber(Math.round(v * 100) / 100)).replace(/\.00$/, '');
}

function serviceChart(services: ServiceCost[], withBefore: boolean): string {
  const shown = services.filter((s) => !s.planned.isZero() || !s.past.isZero()).slice(0, 12);
  if (!shown.length) return '<p class="muted">No priced resources.</p>';
  const labelW = 170;
  const valueW = 190;
  const width = 720;
  const barArea = width - labelW - valueW;
  const rowH = withBefore ? 34 : 24;
  const height = shown.length * rowH + 10;
  const max = Math.max(...shown.map((s) => Math.max(num(s.past), num(s.planned))), 0.01);
  const parts = [`<svg id="service-chart" role="img" aria-label="Monthly cost by service" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`];
  shown.forEach((s, i) => {
    const y = 5 + i * rowH;
    parts.push(`<text x="${labelW - 8}" y="${y + rowH / 2 + 4}" text-anchor="end">${esc(s.service)}</text>`);
    const w = (v: Decimal) => Math.max(0, (num(v) / max) * barArea);
    if (withBefore) {
      parts.push(`<rect x="${labelW}" y="${y + 3}" width="${w(s.past).toFixed(1)}" height="12" fill="#8c959f"><title>${esc(s.service)} before: ${money(s.past)}</title></rect>`);
      parts.push(`<rect x="${labelW}" y="${y + 16}" width="${w(s.planned).toFixed(1)}" height="12" fill="#0969da"><title>${esc(s.service)} after: ${money(s.planned)}</title></rect>`);
      const cls = s.delta.isPositive() ? 'up' : s.delta.isNegative() ? 'down' : '';
      parts.push(`<text x="${width - valueW + 8}" y="${y + rowH / 2 + 4}" class="${cls}">${money(s.past)} → ${money(s.planned)}</text>`);
    } else {
      parts.push(`<rect x="${labelW}" y="${y + 5}" width="${w(s.planned).toFixed(1)}" height="14" fill="#0969da"><title>${esc(s.service)}: ${money(s.planned)}</title></rect>`);
      parts.push(`<text x="${width - valueW + 8}" y="${y + rowH / 2 + 4}">${money(s.planned)}</text>`);
    }
  });
  parts.push('</svg>');
  const legend = withBefore
    ? '<div class="legend"><span><span class="swatch" style="background:var(--before)"></span>before</span><span><span class="swatch" style="background:var(--after)"></span>after</span></div>'
    : '';
  return legend + parts.join('');
}

function forecastChart(f: Forecast, withBefore: boolean): string {
  const width = 720;
  const height = 280;
  const left = 70;
  const right = 20;
  const top = 16;
  const bottom = 34;
  const months = f.months;
  const values = months.flatMap((m) => [num(m.planned.high), num(m.planned.low), num(m.planned.expected), ...(withBefore ? [num(m.past.expected)] : [])]);
  const maxV = Math.max(...values, 0.01);
  const step = niceStep(maxV, 4);
  const yMax = Math.ceil(maxV / step) * step;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (months.length === 1 ? plotW / 2 : (i / (months.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const pts = (pick: (i: number) => number) => months.map((_, i) => `${x(i).toFixed(1)},${y(pick(i)).toFixed(1)}`);
  const parts = [`<svg id="forecast-chart" role="img" aria-label="Monthly cost forecast" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`];
  for (let v = 0; v <= yMax + step / 2; v += step) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#d1d9e0"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${axisMoney(v)}</text>`);
  }
  months.forEach((m, i) => {
    if (months.length <= 12 || i % Math.ceil(months.length / 12) === 0 || i === months.length - 1) {
      parts.push(`<text x="${x(i).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">M${m.index}</text>`);
    }
  });
  const band = [...pts((i) => num(months[i].planned.high)), ...pts((i) => num(months[i].planned.low)).reverse()].join(' ');
  parts.push(`<polygon class="band" points="${band}" fill="rgba(9,105,218,.15)" stroke="none"><title>after: low – high growth</title></polygon>`);
  if (withBefore) parts.push(`<polyline class="before" points="${pts((i) => num(months[i].past.expected)).join(' ')}" fill="none" stroke="#8c959f" stroke-width="2" stroke-dasharray="5 4"/>`);
  parts.push(`<polyline class="after" points="${pts((i) => num(months[i].planned.expected)).join(' ')}" fill="none" stroke="#0969da" stroke-width="2.5"/>`);
  months.forEach((m, i) => parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(num(m.planned.expected)).toFixed(1)}" r="2.5" fill="#0969da"><title>M${m.index}: ${money(m.planned.expected)} (${money(m.planned.low)} – ${money(m.planned.high)})</title></circle>`));
  parts.push(`<text x="${left}" y="${height - 4}">Month (M1 = today's cost)</text>`, '</svg>');
  const legend =
    '<div class="legend">' +
    (withBefore ? '<span><span class="swatch" style="background:var(--before)"></span>before the change</span>' : '') +
    '<span><span class="swatch" style="background:var(--after)"></span>after (expected growth)</span><span><span class="swatch" style="background:var(--band)"></span>low – high growth</span></div>';
  return legend + parts.join('');
}

function card(label: string, value: string, id: string, cls = '', range?: string): string {
  const under = range ? `<div class="label" id="${id}-range">${esc(range)}</div>` : '';
  return `<div class="card"><div class="label">${esc(label)}</div><div class="value ${cls}" id="${id}">${esc(value)}</div>${under}</div>`;
}

/** "range $10.00 – $40.00" under a total, when the usage range says more than the figure. */
function rangeNote(point: Decimal, range: CostRange | undefined, format: (r: CostRange) => string): string | undefined {
  return range && !(range.low.eq(point) && range.high.eq(point)) ? `usage range ${format(range)}` : undefined;
}

function deltaClass(d: Decimal): string {
  return d.isPositive() ? 'up' : d.isNegative() ? 'down' : '';
}

function resourceRows(r: ResourceDiff, withBefore: boolean): string[] {
  const side = (cost: Decimal, present: boolean) => (present ? money(cost) : '–');
  // A diff read back from JSON keeps one side of unchanged resources: the other is the same.
  const unchanged = r.action === 'no-op';
  const rows = [
    `<tr class="resource"><td><code>${esc(r.address)}</code></td>${withBefore ? `<td>${ACTION_WORD[r.action] ?? r.action}</td><td class="num">${side(r.pastMonthlyCost, r.action !== 'create')}</td>` : ''}<td class="num">${side(r.plannedMonthlyCost, r.action !== 'delete')}</td>${withBefore ? `<td class="num ${deltaClass(r.deltaMonthlyCost)}">${signedMoney(r.deltaMonthlyCost)}</td>` : ''}</tr>`,
  ];
  for (const c of r.components) {
    const cost = (s: { monthlyCost: Decimal | null } | undefined) => (!s ? '–' : s.monthlyCost === null ? 'depends on usage' : money(s.monthlyCost));
    const past = unchanged ? c.past ?? c.planned : c.past;
    const delta = unchanged ? '$0.00' : signedMoney(c.deltaMonthlyCost);
    rows.push(
      `<tr class="component"><td>${esc(c.name)}</td>${withBefore ? `<td></td><td class="num">${cost(past)}</td>` : ''}<td class="num">${cost(c.planned)}</td>${withBefore ? `<td class="num">${delta}</td>` : ''}</tr>`,
    );
  }
  for (const u of r.unpriced) rows.push(`<tr class="component"><td>${esc(u.component === 'all' ? 'Cost' : u.component)}: not priced (${esc(u.reason)})</td>${withBefore ? '<td></td><td></td><td></td><td></td>' : '<td></td>'}</tr>`);
  return rows;
}

function projectTable(p: ProjectDiff, withBefore: boolean): string {
  const head = withBefore
    ? '<tr><th>Resource</th><th>Action</th><th class="num">Before</th><th class="num">After</th><th class="num">Change</th></tr>'
    : '<tr><th>Resource</th><th class="num">Monthly cost</th></tr>';
  const rows = p.resources.flatMap((r) => resourceRows(r, withBefore));
  const total = withBefore
    ? `<tr><th>Total</th><th></th><th class="num">${money(p.totals.past)}</th><th class="num">${money(p.totals.planned)}</th><th class="num ${deltaClass(p.totals.delta)}">${signedMoney(p.totals.delta)}</th></tr>`
    : `<tr><th>Total</th><th class="num">${money(p.totals.planned)}</th></tr>`;
  const extra: string[] = [];
  if (p.unsupported.length) extra.push(`<p class="muted">Not supported yet (not in the totals): ${p.unsupported.map((u) => `<code>${esc(u.address)}</code>`).join(', ')}</p>`);
  for (const w of p.warnings) extra.push(`<p class="muted">Warning: ${esc(w)}</p>`);
  return `<h3>${esc(p.name)} <span class="muted">(${esc(p.region)})</span></h3><table class="resources" data-project="${esc(p.name)}"><thead>${head}</thead><tbody>${rows.join('')}</tbody><tfoot>${total}</tfoot></table>${extra.join('')}`;
}

/**
 * The report for a diff (before → after) or a breakdown (today's cost). With a config it adds
 * unit economics, the forecast, budgets and the policy verdict.
 */
export function renderHtml(input: CostDiff | Estimate, config?: CostdiffConfig, options: HtmlOptions = {}): string {
  const breakdown = isEstimate(input);
  const diff = breakdown ? estimateAsDiff(input) : input;
  const withBefore = !breakdown;
  const t = diff.totals;
  const f = computeForecast(diff, config);
  const result = options.result ?? decide(evaluatePolicies(diff, config, f), [], false);
  const e = result.evaluation;
  const title = options.title ?? (breakdown ? 'Monthly cost' : 'Monthly cost of this change');
  const body: string[] = [];

  body.push(`<h1>${esc(title)}</h1>`);
  if (breakdown) body.push(`<p class="headline" id="headline">Monthly total: <strong>${money(t.planned)}</strong>.</p>`);
  else {
    const pct = t.deltaPercent && !t.delta.isZero() ? ` (${percent(t.deltaPercent)})` : '';
    const what = t.delta.isZero() ? 'does not change the monthly cost' : `${t.delta.isNegative() ? 'saves' : 'adds'} <strong>${money(t.delta.isNegative() ? t.delta.negated() : t.delta)} per month</strong>${pct}, ${money(t.deltaYearly.isNegative() ? t.deltaYearly.negated() : t.deltaYearly)} per year`;
    body.push(`<p class="headline" id="headline">This change ${what}. New monthly total: <strong>${money(t.planned)}</strong>.</p>`);
  }
  if (config && (config.policies.length || config.budgets.length)) {
    const summary = checkSummary(result);
    const [head, ...rest] = summary.split(': ');
    body.push(`<div class="verdict ${result.state}" id="verdict"><strong>${esc(head[0].toUpperCase() + head.slice(1))}</strong>${rest.length ? `: ${esc(rest.join(': '))}` : ''}</div>`);
  }

  const cards = withBefore
    ? [
        card('Before (monthly)', money(t.past), 'total-before', '', rangeNote(t.past, t.pastRange, moneyRange)),
        card('After (monthly)', money(t.planned), 'total-after', '', rangeNote(t.planned, t.plannedRange, moneyRange)),
        card('Change (monthly)', signedMoney(t.delta), 'total-delta', deltaClass(t.delta), rangeNote(t.delta, t.deltaRange, signedMoneyRange)),
        card('Change (yearly)', signedMoney(t.deltaYearly), 'total-delta-yearly', deltaClass(t.delta)),
      ]
    : [card('Monthly total', money(t.planned), 'total-after', '', rangeNote(t.planned, t.plannedRange, moneyRange))];
  if (e.discount) cards.push(card(`After ${e.discount.percent.toString()} % discount`, money(e.compared.planned), 'total-effective'));
  body.push(`<div class="cards">${cards.join('')}</div>`);

  const units = config ? unitEconomics(diff, config.unitEconomics) : [];
  if (units.length) {
    body.push('<h2>Unit economics</h2><div class="cards">');
    for (const u of units) {
      const label = `Cost per ${quantity(u.per)} ${u.metric}`;
      const value = withBefore ? `${unitCostText(u.past)} → ${unitCostText(u.planned)}` : unitCostText(u.planned);
      const change = withBefore && u.deltaPercent ? ` <span class="${deltaClass(u.delta)}">${percent(u.deltaPercent)}</span>` : '';
      body.push(`<div class="card"><div class="label">${esc(label)}</div><div class="value" id="unit-${esc(u.metric)}">${esc(value)}${change}</div><div class="label">at ${quantity(u.volume)} ${esc(u.metric)} a month</div></div>`);
    }
    body.push('</div>');
  }

  if (e.budgets.length) {
    body.push('<h2>Budget</h2><table id="budgets"><thead><tr><th>Project</th><th class="num">Budget</th>' + (withBefore ? '<th class="num">Before</th>' : '') + '<th class="num">After</th><th>Used</th><th>Status</th></tr></thead><tbody>');
    for (const b of e.budgets) {
      const used = b.usedPercent ? Math.min(100, b.usedPercent.toNumber(1)) : 0;
      const status = !b.inChange ? 'not in this report' : b.over ? 'over budget' : 'within budget' + (b.exceededInMonth ? `; forecast over in month ${b.exceededInMonth}` : '');
      body.push(
        `<tr id="budget-${esc(b.project)}"><td>${esc(b.project)}</td><td class="num">${money(b.budget)}</td>${withBefore ? `<td class="num">${money(b.past)}</td>` : ''}<td class="num">${money(b.planned)}</td>` +
          `<td><div class="bar${b.over ? ' over' : ''}"><span style="width:${used}%"></span></div>${b.usedPercent ? `${b.usedPercent.toFixed(1)} %` : '–'}</td><td class="${b.over ? 'up' : ''}">${esc(status)}</td></tr>`,
      );
    }
    body.push('</tbody></table>');
  }

  body.push('<h2>Cost by service</h2>', serviceChart(costByService(diff), withBefore));

  body.push(`<h2>Forecast (${f.horizonMonths} months)</h2>`);
  const hasGrowth = f.drivers.some((d) => d.resources.length > 0);
  // The band shows growth, usage ranges, or both.
  const hasBand = hasGrowth || f.usageRanges;
  body.push(
    `<p id="forecast-summary">${
      withBefore
        ? `Change to the monthly bill: <strong>${signedMoney(f.monthlyImpact)}</strong>; ${signedMoney(f.annualImpact)} a year at today's usage. Over ${f.horizonMonths} months${hasGrowth ? ' with growth' : ''}: <strong>${signedMoney(f.horizonImpact.expected)}</strong>${hasBand ? ` (${signedMoney(f.horizonImpact.low)} to ${signedMoney(f.horizonImpact.high)})` : ''}. `
        : ''
    }Total spend over ${f.horizonMonths} months: <strong>${money(f.horizonPlanned.expected)}</strong>${hasBand ? ` (${money(f.horizonPlanned.low)} to ${money(f.horizonPlanned.high)})` : ''}.</p>`,
  );
  for (const d of f.drivers.filter((x) => x.resources.length)) {
    const g = (v: Decimal) => `${v.times(Decimal.fromInt(100)).toFixed(1)} %`;
    body.push(`<p class="muted">Grows with ${esc(d.metric)}: ${g(d.expected)} a month (low ${g(d.low)}, high ${g(d.high)}): ${d.resources.map((r) => `<code>${esc(r)}</code>`).join(', ')}</p>`);
  }
  if (!hasGrowth) body.push('<p class="muted">No growth configured (forecast.scale_with in costdiff.yml): the cost stays flat.</p>');
  body.push(forecastChart(f, withBefore));

  body.push('<h2>Resources</h2>', ...diff.projects.map((p) => projectTable(p, withBefore)));
  const mode = diff.pricing.mode === 'online' ? 'snapshot and AWS Price List API' : 'offline snapshot';
  body.push(`<footer>AWS on-demand list prices, ${mode} of ${esc(diff.pricing.snapshot || 'unknown date')}. Unknown costs count as $0.00. Generated by costdiff.</footer>`);

  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    // Nothing may load when the report is opened: no scripts, fonts, or remote images.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>costdiff: ${esc(title)}</title><style>${CSS}</style></head><body><main>\n${body.join('\n')}\n</main></body></html>\n`
  );
}
