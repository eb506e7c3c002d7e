import type { CostdiffConfig } from '../config/types.js';
import type { CostDiff } from '../estimate/diff-types.js';
import type { Forecast } from '../estimate/forecast.js';
import type { CheckResult } from '../estimate/policy.js';
import type { UnitCost } from '../estimate/unit-economics.js';
import { checkSummary, unitCostText } from './finops-markdown.js';
import { money, percent, quantity, signedMoney } from './format.js';

/**
 * The FinOps view of a diff for the terminal and for JSON: the same figures the PR comment and
 * `costdiff check` show (verdict without approvals, unit economics, forecast, budgets). All money
 * was computed by src/estimate; this only lays it out.
 */

export interface FinOpsFigures {
  result: CheckResult;
  unitCosts: UnitCost[];
  forecast: Forecast;
}

export function finopsLines(f: FinOpsFigures): string[] {
  const lines = [`Verdict: ${checkSummary(f.result)}`];
  for (const u of f.unitCosts) {
    lines.push(`Cost per ${quantity(u.per)} ${u.metric}: ${unitCostText(u.past)} → ${unitCostText(u.planned)}${u.deltaPercent ? ` (${percent(u.deltaPercent)})` : ''}`);
  }
  const h = f.forecast.horizonImpact;
  lines.push(
    `Forecast, next ${f.forecast.horizonMonths} months: ${signedMoney(h.expected)} (${signedMoney(h.low)} to ${signedMoney(h.high)}); ${signedMoney(f.forecast.annualImpact)} a year at today's usage`,
  );
  for (const b of f.result.evaluation.budgets) {
    const state = !b.inChange ? ' (no project of that name in this change)' : b.over ? ' — over budget' : '';
    lines.push(`Budget ${b.project}: ${money(b.planned)} of ${money(b.budget)}${state}`);
  }
  return lines;
}

const n = (d: { toNumber(places?: number): number }, places = 2) => d.toNumber(places);

export function finopsJson(f: FinOpsFigures, config: CostdiffConfig): Record<string, unknown> {
  return {
    config: config.file,
    verdict: { state: f.result.state, summary: checkSummary(f.result), violations: f.result.evaluation.violations.map((v) => ({ policy: v.policy, message: v.message })) },
    unitEconomics: f.unitCosts.map((u) => ({
      metric: u.metric,
      per: n(u.per, 0),
      volume: n(u.volume, 0),
      past: n(u.past, 6),
      planned: n(u.planned, 6),
      deltaPercent: u.deltaPercent ? n(u.deltaPercent, 2) : null,
    })),
    forecast: {
      horizonMonths: f.forecast.horizonMonths,
      annualImpact: n(f.forecast.annualImpact),
      horizonImpact: { expected: n(f.forecast.horizonImpact.expected), low: n(f.forecast.horizonImpact.low), high: n(f.forecast.horizonImpact.high) },
      months: f.forecast.months.map((m) => ({
        index: m.index,
        ...(m.month ? { month: m.month } : {}),
        planned: { expected: n(m.planned.expected), low: n(m.planned.low), high: n(m.planned.high) },
      })),
    },
    budgets: f.result.evaluation.budgets.map((b) => ({ project: b.project, monthly: n(b.budget), planned: n(b.planned), over: b.over })),
  };
}

export type { CostDiff };
