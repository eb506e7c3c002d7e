import { Decimal } from '../core/decimal.js';
import type { Approvers, CostdiffConfig } from '../config/types.js';
import type { CostDiff } from '../estimate/diff-types.js';
import { forecast as computeForecast, type Forecast } from '../estimate/forecast.js';
import type { BudgetStatus, CheckResult, PolicyEvaluation, Violation } from '../estimate/policy.js';
import { unitEconomics, type UnitCost } from '../estimate/unit-economics.js';
import { money, percent, quantity, signedMoney } from './format.js';

/**
 * The FinOps parts of the pull-request comment: the verdict line and the sections the comment
 * inserts after its headline (unit economics, forecast, budgets, approvals). Figures come from
 * src/estimate; this file only formats them.
 */

/** "@po-alice or @acme/finance". */
export function mentionApprovers(a: Approvers): string {
  const all = [...a.users.map((u) => `@${u}`), ...a.teams.map((t) => `@${t}`)];
  if (all.length <= 1) return all[0] ?? 'nobody (no approvers configured)';
  return `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}`;
}

/** A per-unit cost: 3 decimals below $1 (more when that would show $0.000), 2 above. */
export function unitCostText(value: Decimal): string {
  const abs = value.isNegative() ? value.negated() : value;
  if (!abs.lt(Decimal.ONE)) return money(value);
  let places = 3;
  while (places < 10 && !abs.isZero() && abs.toFixed(places).replace(/[0.]/g, '') === '') places++;
  // Show three significant digits once the leading zeros are passed.
  if (places > 3) places = Math.min(10, places + 2);
  const text = value.toFixed(places);
  return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
}


function groupViolations(violations: Violation[]): { approvers: Approvers; messages: string[]; policies: string[] }[] {
  const groups: { key: string; approvers: Approvers; messages: string[]; policies: string[] }[] = [];
  for (const v of violations) {
    const key = JSON.stringify([v.approvers.users, v.approvers.teams]);
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, approvers: v.approvers, messages: [], policies: [] }));
    g.messages.push(v.message);
    if (!g.policies.includes(v.policy)) g.policies.push(v.policy);
  }
  return groups;
}

function pendingText(result: CheckResult): string {
  const pending = result.evaluation.violations.filter((v) => result.pendingPolicies.includes(v.policy));
  const groups = groupViolations(pending);
  return groups.map((g, i) => `${i ? 'and from ' : 'needs approval from '}${mentionApprovers(g.approvers)}: ${g.messages.join('; ')}`).join('; ');
}

function approvedBy(result: CheckResult): string {
  const approvals = result.approvals.filter((a) => a.action === 'approve');
  const who = [...new Set(approvals.map((a) => `@${a.login}`))].join(', ');
  return who;
}

function increaseText(e: PolicyEvaluation): string {
  return `${signedMoney(e.compared.delta)}/month`;
}

/** One plain-text line: the commit status description and what `costdiff check` prints. */
export function checkSummary(result: CheckResult): string {
  const e = result.evaluation;
  switch (result.state) {
    case 'pass':
      if (!e.policyCount && !e.budgets.length) return `no budgets or policies to check: ${increaseText(e)}`;
      return `within policy: ${increaseText(e)}`;
    case 'pending': {
      const partly = result.approvals.some((a) => a.action === 'approve') ? `; approved so far by ${approvedBy(result)}` : '';
      return `${pendingText(result)}${partly}`;
    }
    case 'approved':
      return `approved by ${approvedBy(result)} for ${increaseText(e)}: ${e.violations.map((v) => v.message).join('; ')}`;
    case 'rejected': {
      const r = [...result.approvals].reverse().find((a) => a.action === 'reject')!;
      return `rejected by @${r.login}${r.reason ? `: ${r.reason}` : ''}`;
    }
    case 'failed': {
      const hard = e.violations.filter((v) => !v.approvers.users.length && !v.approvers.teams.length);
      return `over a limit no one can approve: ${hard.map((v) => `${v.message} (policy "${v.policy}")`).join('; ')}`;
    }
  }
}

function escapeMd(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The verdict line under the comment's headline. */
export function renderVerdictLine(result: CheckResult): string {
  const e = result.evaluation;
  switch (result.state) {
    case 'pass':
      if (!e.budgets.length && !e.violations.length && !e.approvers.users.length && !e.approvers.teams.length) return '✅ **No cost policy applies.**';
      return `✅ **Within budget and policy.**${e.budgets.some((b) => b.over) ? ' (A budget is exceeded, but this change does not add to it.)' : ''}`;
    case 'pending': {
      const done = result.approvals.some((a) => a.action === 'approve') ? ` Approved so far by ${approvedBy(result)}.` : '';
      return (
        `⏳ **Needs approval** ${escapeMd(pendingText(result).replace(/^needs approval /, ''))}.${done} ` +
        'An approver can comment `/costdiff approve [reason]` (or approve the pull request); `/costdiff reject [reason]` blocks it. ' +
        'Approvals count only after the latest commit.'
      );
    }
    case 'approved':
      return `✅ **Approved** by ${approvedBy(result)} for ${escapeMd(increaseText(e))} (${escapeMd(e.violations.map((v) => v.message).join('; '))}).`;
    case 'rejected':
      return `⛔ **Rejected**: ${escapeMd(checkSummary(result))}. Push a change, or ask the approver to comment \`/costdiff approve\`.`;
    case 'failed':
      return `⛔ **Not allowed**: ${escapeMd(checkSummary(result).replace(/^over a limit no one can approve: /, ''))}. No approvers are configured for this policy in costdiff.yml.`;
  }
}

function unitSection(units: UnitCost[], config: CostdiffConfig): string[] {
  if (!units.length) return [];
  const lines = ['#### Unit economics', '', '| Metric | Before | After | Change |', '| --- | ---: | ---: | ---: |'];
  for (const u of units) {
    const change = u.deltaPercent === null ? 'new' : percent(u.deltaPercent);
    lines.push(`| Cost per ${quantity(u.per)} ${escapeMd(u.metric)} | ${unitCostText(u.past)} | ${unitCostText(u.planned)} | ${change} |`);
  }
  const notes = units.map((u) => {
    const m = config.unitEconomics.find((x) => x.name === u.metric);
    const from = m?.file && m.series.length ? ` (${escapeMd(m.file)}, ${m.series[m.series.length - 1].month})` : '';
    return `${quantity(u.volume)} ${escapeMd(u.metric)} a month${from}`;
  });
  lines.push('', `<sub>At ${notes.join('; ')}.</sub>`, '');
  return lines;
}

function growthText(g: Decimal): string {
  return percent(g.times(Decimal.fromInt(100)), 1).replace(/^\+(-)/, '$1');
}

/** The months shown in the small table: 1, 3, 6, 12, … and the last. */
function tableMonths(horizon: number): number[] {
  const picks = [1, 3, 6, 12, 18, 24, 36, 48, 60, 120].filter((m) => m <= horizon);
  if (!picks.includes(horizon)) picks.push(horizon);
  return picks;
}

function chartNumber(d: Decimal): string {
  return d.toFixed(2);
}

function forecastSection(f: Forecast, hasDrivers: boolean): string[] {
  const lines = [`#### Forecast (${f.horizonMonths} months)`, ''];
  lines.push(
    `- Change to the monthly bill: **${signedMoney(f.monthlyImpact)}**, ${signedMoney(f.annualImpact)} a year at today's usage (× 12).`,
    `- Over the next ${f.horizonMonths} months${hasDrivers ? ' with growth' : ''}: **${signedMoney(f.horizonImpact.expected)}**` +
      ((hasDrivers || f.usageRanges) && !f.horizonImpact.low.eq(f.horizonImpact.high)
        ? ` (range ${signedMoney(f.horizonImpact.low)} to ${signedMoney(f.horizonImpact.high)})`
        : '') +
      `; total spend ${money(f.horizonPlanned.expected)}.`,
  );
  for (const d of f.drivers) {
    if (!d.resources.length) continue;
    const source = d.source === 'config' ? 'from costdiff.yml' : d.source === 'trend' ? 'observed trend' : 'no growth given';
    const shown = d.resources.slice(0, 5).map((r) => `\`${r}\``).join(', ') + (d.resources.length > 5 ? `, and ${d.resources.length - 5} more` : '');
    lines.push(`- Grows with **${escapeMd(d.metric)}**: ${growthText(d.expected)} a month (${source}; range ${growthText(d.low)} to ${growthText(d.high)}): ${shown}.`);
  }
  lines.push('');
  const months = f.months;
  const values = months.flatMap((m) => [m.past.expected, m.planned.expected, m.planned.high, m.planned.low]);
  const max = values.reduce((a, b) => (b.gt(a) ? b : a), values[0]);
  const min = values.reduce((a, b) => (b.lt(a) ? b : a), values[0]);
  lines.push(
    '```mermaid',
    'xychart-beta',
    `  title "Monthly cost: before (1st line), after (2nd)${months.some((m) => !m.planned.high.eq(m.planned.expected)) ? `, after with high ${f.usageRanges ? 'growth and usage' : 'growth'} (3rd)` : ''}"`,
    `  x-axis [${months.map((m) => `"M${m.index}"`).join(', ')}]`,
    `  y-axis "USD per month" ${chartNumber(min.isNegative() ? min : Decimal.ZERO)} --> ${chartNumber(max.isZero() ? Decimal.ONE : max)}`,
    `  line [${months.map((m) => chartNumber(m.past.expected)).join(', ')}]`,
    `  line [${months.map((m) => chartNumber(m.planned.expected)).join(', ')}]`,
    ...(months.some((m) => !m.planned.high.eq(m.planned.expected)) ? [`  line [${months.map((m) => chartNumber(m.planned.high)).join(', ')}]`] : []),
    '```',
    '',
    '| Month | Before | After | Change | After, low – high |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const i of tableMonths(f.horizonMonths)) {
    const m = months[i - 1];
    lines.push(`| ${i} | ${money(m.past.expected)} | ${money(m.planned.expected)} | ${signedMoney(m.delta.expected)} | ${money(m.planned.low)} – ${money(m.planned.high)} |`);
  }
  const usage = f.usageRanges ? ' Low and high also use the low and high usage of the usage file.' : '';
  lines.push('', `<sub>Month 1 is today's cost. Low assumes no growth; high the faster of the metrics file's observed trend and 1.5 × the expected growth.${usage}</sub>`, '');
  return lines;
}

function budgetStatusText(b: BudgetStatus): string {
  if (!b.inChange) return 'not in this change';
  if (b.over) return b.delta.isPositive() ? '⚠️ over budget' : '⚠️ over budget (not made worse)';
  return '✅ within';
}

function budgetSection(e: PolicyEvaluation, f: Forecast | undefined): string[] {
  if (!e.budgets.length && !e.discount) return [];
  const lines = ['#### Budget', ''];
  if (e.discount) {
    const d = e.discount;
    lines.push(
      `Prices after a ${d.percent.toString()} % discount: before ${money(d.effective.past)} (list ${money(d.list.past)}), ` +
        `after ${money(d.effective.planned)} (list ${money(d.list.planned)}), change ${signedMoney(d.effective.delta)} (list ${signedMoney(d.list.delta)}). ` +
        'Budgets and policies use the discounted amounts.',
      '',
    );
  }
  if (e.budgets.length) {
    lines.push('| Project | Budget | Before | After | Used | Status |', '| --- | ---: | ---: | ---: | ---: | --- |');
    for (const b of e.budgets) {
      const used = b.usedPercent === null ? '–' : `${b.usedPercent.toFixed(1)} %`;
      let status = budgetStatusText(b);
      if (!b.over && b.exceededInMonth && f) status += ` (forecast over in month ${b.exceededInMonth})`;
      lines.push(`| ${escapeMd(b.project)} | ${money(b.budget)} | ${money(b.past)} | ${money(b.planned)} | ${used} | ${status} |`);
    }
    lines.push('');
  }
  return lines;
}

function approvalsSection(result: CheckResult): string[] {
  const e = result.evaluation;
  if (!e.violations.length && !result.approvals.length) return [];
  const lines = ['#### Approvals', ''];
  if (!result.approvalsChecked) {
    lines.push('Approvals are read from the pull request by `costdiff check`.', '');
    return lines;
  }
  if (!result.approvals.length) lines.push('No approval since the latest commit.', '');
  else {
    lines.push('| Who | Decision | Monthly increase | When | Reason |', '| --- | --- | ---: | --- | --- |');
    for (const a of result.approvals) {
      const who = `@${a.login}${a.teams.length ? ` (${a.teams.map((t) => `@${t}`).join(', ')})` : ''}`;
      const decision = `${a.action === 'approve' ? '✅ approved' : '⛔ rejected'}${a.via === 'review' ? ' (review)' : ''}`;
      const amount = a.upTo ? `${signedMoney(a.amount)} (up to ${money(a.upTo)})` : signedMoney(a.amount);
      lines.push(`| ${escapeMd(who)} | ${decision} | ${amount} | ${a.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')} | ${escapeMd(a.reason ?? '')} |`);
    }
    lines.push('');
  }
  if (result.ignored.length) {
    lines.push('<details><summary>Not counted</summary>', '');
    for (const i of result.ignored) lines.push(`- @${escapeMd(i.login)}${i.at ? ` at ${i.at}` : ''}: ${escapeMd(i.reason)}`);
    lines.push('', '</details>', '');
  }
  return lines;
}

/**
 * The sections `comment github` inserts after its verdict: unit economics before → after, the
 * forecast (mermaid chart and a small table), budget status and approvals. Empty ones are left out.
 */
export function renderFinOpsSections(diff: CostDiff, config: CostdiffConfig | undefined, result: CheckResult): string[] {
  const sections: string[][] = [];
  if (config) sections.push(unitSection(unitEconomics(diff, config.unitEconomics), config));
  const hasForecast = !!config?.forecast;
  const f = hasForecast ? computeForecast(diff, config) : undefined;
  if (f) sections.push(forecastSection(f, f.drivers.some((d) => d.resources.length > 0)));
  sections.push(budgetSection(result.evaluation, f));
  sections.push(approvalsSection(result));
  return sections.filter((s) => s.length).map((s) => s.join('\n').trimEnd() + '\n');
}
