import { Decimal } from '../core/decimal.js';
import type { Approvers, CostdiffConfig, Policy } from '../config/types.js';
import { totals } from './diff.js';
import type { CostDiff, CostTotals } from './diff-types.js';
import type { Forecast } from './forecast.js';
import { percentChange } from './unit-economics.js';

/**
 * Budgets and policies. Thresholds are checked on the whole change; budgets per project.
 *
 * - With a `discount`, what is compared is the effective amount, list × (1 − percent/100), since
 *   budgets are in money actually paid; both amounts are kept for display.
 * - max_monthly_increase: delta > limit.  max_monthly_increase_percent: delta / past × 100 > limit
 *   (an increase from $0 has no percentage and always exceeds it).
 * - max_monthly_total: planned > limit, only when the change adds cost (delta > 0): a change that
 *   saves money never needs approval.
 * - over_budget: a project's planned total > its budget, again only when the change adds cost to
 *   that project. A budget overrun with no `over_budget` policy is reported, not gated.
 * - A violated policy without approvers cannot be approved from the PR: the check fails.
 */

const HUNDRED = Decimal.fromInt(100);

export type ViolationKind = 'monthly-increase' | 'monthly-increase-percent' | 'monthly-total' | 'over-budget';

export interface Violation {
  policy: string;
  kind: ViolationKind;
  project?: string;
  /** "monthly increase $412.80 > $50.00" — figures rounded for display only. */
  message: string;
  actual: Decimal;
  limit: Decimal;
  approvers: Approvers;
}

export interface BudgetStatus {
  project: string;
  budget: Decimal;
  /** Effective (after discount) totals of the project; zero when the project is not in the change. */
  past: Decimal;
  planned: Decimal;
  delta: Decimal;
  /** budget − planned (negative when over). */
  remaining: Decimal;
  over: boolean;
  /** planned / budget × 100. */
  usedPercent: Decimal | null;
  inChange: boolean;
  /** First forecast month (1-based) whose expected planned cost exceeds the budget. */
  exceededInMonth?: number;
}

export interface DiscountView {
  percent: Decimal;
  list: CostTotals;
  effective: CostTotals;
}

export type Verdict = 'pass' | 'needs-approval' | 'failed';

export interface PolicyEvaluation {
  verdict: Verdict;
  violations: Violation[];
  budgets: BudgetStatus[];
  discount?: DiscountView;
  /** The totals the policies compared (effective when discounted). */
  compared: CostTotals;
  /** Everyone configured to approve any policy (for rejections). */
  approvers: Approvers;
  /** How many policies were checked (0 without a config). */
  policyCount: number;
}

/** list × (1 − percent/100), exactly. */
export function effective(list: Decimal, percent: Decimal | undefined): Decimal {
  if (!percent || percent.isZero()) return list;
  return list.times(HUNDRED.minus(percent)).dividedBy(HUNDRED);
}

function effectiveTotals(t: CostTotals, percent: Decimal | undefined): CostTotals {
  return totals(effective(t.past, percent), effective(t.planned, percent));
}

function usd(d: Decimal): string {
  const fixed = d.toFixed(2);
  const neg = fixed.startsWith('-');
  const [i, f] = (neg ? fixed.slice(1) : fixed).split('.');
  return `${neg ? '-' : ''}$${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

function pct(d: Decimal): string {
  return `${d.toFixed(1)} %`;
}

function union(list: Approvers[]): Approvers {
  return {
    users: [...new Set(list.flatMap((a) => a.users))],
    teams: [...new Set(list.flatMap((a) => a.teams))],
  };
}

export function evaluateBudgets(diff: CostDiff, config: CostdiffConfig | undefined, forecast?: Forecast): BudgetStatus[] {
  const percent = config?.discount?.percent;
  return (config?.budgets ?? []).map((b) => {
    const p = diff.projects.find((x) => x.name === b.project) ?? diff.projects.find((x) => x.path === b.project);
    const t = p ? effectiveTotals(p.totals, percent) : totals(Decimal.ZERO, Decimal.ZERO);
    const series = p ? forecast?.projects.find((x) => x.name === p.name)?.planned : undefined;
    const crossing = series?.findIndex((v) => effective(v, percent).gt(b.monthly)) ?? -1;
    return {
      project: b.project,
      budget: b.monthly,
      past: t.past,
      planned: t.planned,
      delta: t.delta,
      remaining: b.monthly.minus(t.planned),
      over: t.planned.gt(b.monthly),
      usedPercent: b.monthly.isZero() ? null : t.planned.times(HUNDRED).dividedBy(b.monthly),
      inChange: p !== undefined,
      ...(crossing >= 0 ? { exceededInMonth: crossing + 1 } : {}),
    };
  });
}

function policyViolations(policy: Policy, compared: CostTotals, budgets: BudgetStatus[], listDelta: Decimal, discounted: boolean): Violation[] {
  const out: Violation[] = [];
  const base = { policy: policy.name, approvers: policy.approvers };
  const listNote = discounted ? ` (list ${usd(listDelta)})` : '';
  if (policy.maxMonthlyIncrease && compared.delta.gt(policy.maxMonthlyIncrease)) {
    out.push({
      ...base,
      kind: 'monthly-increase',
      message: `monthly increase ${usd(compared.delta)}${listNote} > ${usd(policy.maxMonthlyIncrease)}`,
      actual: compared.delta,
      limit: policy.maxMonthlyIncrease,
    });
  }
  if (policy.maxMonthlyIncreasePercent && compared.delta.isPositive()) {
    const change = percentChange(compared.past, compared.planned);
    if (change === null) {
      out.push({
        ...base,
        kind: 'monthly-increase-percent',
        message: `monthly cost goes from $0.00 to ${usd(compared.planned)} (more than ${pct(policy.maxMonthlyIncreasePercent)})`,
        actual: compared.delta,
        limit: policy.maxMonthlyIncreasePercent,
      });
    } else if (change.gt(policy.maxMonthlyIncreasePercent)) {
      out.push({
        ...base,
        kind: 'monthly-increase-percent',
        message: `monthly increase +${pct(change)} > ${pct(policy.maxMonthlyIncreasePercent)}`,
        actual: change,
        limit: policy.maxMonthlyIncreasePercent,
      });
    }
  }
  if (policy.maxMonthlyTotal && compared.delta.isPositive() && compared.planned.gt(policy.maxMonthlyTotal)) {
    out.push({
      ...base,
      kind: 'monthly-total',
      message: `monthly total ${usd(compared.planned)} > ${usd(policy.maxMonthlyTotal)}`,
      actual: compared.planned,
      limit: policy.maxMonthlyTotal,
    });
  }
  if (policy.overBudget) {
    for (const b of budgets) {
      if (!b.over || !b.delta.isPositive()) continue;
      out.push({
        ...base,
        kind: 'over-budget',
        project: b.project,
        message: `${b.project} over budget: ${usd(b.planned)} > ${usd(b.budget)}`,
        actual: b.planned,
        limit: b.budget,
      });
    }
  }
  return out;
}

export function evaluatePolicies(diff: CostDiff, config: CostdiffConfig | undefined, forecast?: Forecast): PolicyEvaluation {
  const percent = config?.discount?.percent;
  const compared = effectiveTotals(diff.totals, percent);
  const budgets = evaluateBudgets(diff, config, forecast);
  const discounted = percent !== undefined && !percent.isZero();
  const violations = (config?.policies ?? []).flatMap((p) => policyViolations(p, compared, budgets, diff.totals.delta, discounted));
  const unapprovable = violations.some((v) => !v.approvers.users.length && !v.approvers.teams.length);
  return {
    verdict: violations.length === 0 ? 'pass' : unapprovable ? 'failed' : 'needs-approval',
    violations,
    budgets,
    ...(discounted ? { discount: { percent: percent!, list: diff.totals, effective: compared } } : {}),
    compared,
    approvers: union((config?.policies ?? []).map((p) => p.approvers)),
    policyCount: config?.policies.length ?? 0,
  };
}

/** One `/costdiff approve|reject` comment or approving review that passed the checks in vcs/github. */
export interface ApprovalAction {
  login: string;
  action: 'approve' | 'reject';
  via: 'comment' | 'review';
  /** ISO time it was made. */
  at: string;
  reason?: string;
  /** Explicit "up to" amount, when the comment named one. */
  upTo?: Decimal;
  /** Configured teams the person is a member of. */
  teams: string[];
  url?: string;
}

/** An approval as recorded: who approved which monthly increase, when. */
export interface ApprovalRecord extends ApprovalAction {
  /** The monthly increase it applies to: the increase at the time (no push since). */
  amount: Decimal;
  /** Policies it satisfied. */
  policies: string[];
}

export interface IgnoredAction {
  login: string;
  at: string;
  reason: string;
}

export type CheckState = 'pass' | 'pending' | 'approved' | 'rejected' | 'failed';

export interface CheckResult {
  state: CheckState;
  evaluation: PolicyEvaluation;
  /** Approvals and rejections that count, oldest first. */
  approvals: ApprovalRecord[];
  ignored: IgnoredAction[];
  /** Policies still waiting for an approval. */
  pendingPolicies: string[];
  /** Whether approvals were looked up at all (false outside a PR). */
  approvalsChecked: boolean;
}

function canAct(approvers: Approvers, a: ApprovalAction): boolean {
  return approvers.users.some((u) => u.toLowerCase() === a.login.toLowerCase()) || a.teams.some((t) => approvers.teams.includes(t));
}

/**
 * Decides the check from the policy evaluation and the actions already vetted as recent and
 * unedited (vcs/github/approvals.ts). Each person's latest action counts; a rejection by any
 * approver blocks; every violated policy needs an approval from one of its own approvers, for
 * at least the current increase.
 */
export function decide(evaluation: PolicyEvaluation, actions: ApprovalAction[], approvalsChecked = true): CheckResult {
  const ignored: IgnoredAction[] = [];
  const latest = new Map<string, ApprovalAction>();
  for (const a of [...actions].sort((x, y) => x.at.localeCompare(y.at))) latest.set(a.login.toLowerCase(), a);
  const increase = Decimal.max(evaluation.compared.delta, Decimal.ZERO);
  const violatedPolicies = [...new Set(evaluation.violations.map((v) => v.policy))];
  const approversOf = (policy: string): Approvers => evaluation.violations.find((v) => v.policy === policy)!.approvers;

  const records: ApprovalRecord[] = [];
  for (const a of latest.values()) {
    if (a.action === 'reject') {
      if (canAct(evaluation.approvers, a)) records.push({ ...a, amount: increase, policies: [] });
      else ignored.push({ login: a.login, at: a.at, reason: 'not an approver' });
      continue;
    }
    if (a.upTo && a.upTo.lt(increase)) {
      ignored.push({ login: a.login, at: a.at, reason: `approved up to ${usd(a.upTo)}, the increase is ${usd(increase)}` });
      continue;
    }
    const policies = violatedPolicies.filter((p) => canAct(approversOf(p), a));
    if (!policies.length && violatedPolicies.length) {
      ignored.push({ login: a.login, at: a.at, reason: 'not an approver' });
      continue;
    }
    if (policies.length || canAct(evaluation.approvers, a)) records.push({ ...a, amount: increase, policies });
  }
  records.sort((x, y) => x.at.localeCompare(y.at));
  const pendingPolicies = violatedPolicies.filter((p) => !records.some((r) => r.action === 'approve' && r.policies.includes(p)));
  let state: CheckState;
  if (records.some((r) => r.action === 'reject')) state = 'rejected';
  else if (evaluation.verdict === 'pass') state = 'pass';
  else if (evaluation.verdict === 'failed') state = 'failed';
  else state = pendingPolicies.length ? 'pending' : 'approved';
  return { state, evaluation, approvals: records, ignored, pendingPolicies, approvalsChecked };
}

/** Exit code of `costdiff check`: 0 when the change may merge, 3 otherwise. */
export function exitCodeFor(result: CheckResult): 0 | 3 {
  return result.state === 'pass' || result.state === 'approved' ? 0 : 3;
}
