import type { OptionValues } from '../args.js';
import { UserError } from '../../core/errors.js';
import { findConfig } from '../../config/load.js';
import type { CostdiffConfig } from '../../config/types.js';
import type { CostDiff } from '../../estimate/diff-types.js';
import { forecast } from '../../estimate/forecast.js';
import { decide, evaluatePolicies, exitCodeFor, type CheckResult } from '../../estimate/policy.js';
import { unitEconomics } from '../../estimate/unit-economics.js';
import { money, percent, quantity, signedMoney } from '../../report/format.js';
import { checkSummary, mentionApprovers, unitCostText } from '../../report/finops-markdown.js';
import type { GithubTarget } from '../../vcs/github/context.js';
import { warn } from '../output.js';
import { readDiffJson } from '../../input/baseline.js';

interface CheckArgs {
  path: string;
  config?: string;
  repo?: string;
  'pull-request'?: number;
  'github-token'?: string;
  debug?: boolean;
}

/** Where the check runs: a pull request (flags, or GitHub Actions' environment), or nowhere. */
async function pullRequestTarget(a: CheckArgs, env: NodeJS.ProcessEnv): Promise<GithubTarget | undefined> {
  const { resolveTarget } = await import('../../vcs/github/context.js');
  const flags = { repo: a.repo, pullRequest: a['pull-request'] };
  if (a.repo !== undefined || a['pull-request'] !== undefined) return resolveTarget(flags, env);
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    return await resolveTarget(flags, env);
  } catch (err) {
    // A push or schedule event: there is no pull request to set a status on.
    if (err instanceof UserError && /no pull request number/.test(err.message)) {
      warn('the GitHub event is not about a pull request; checking without approvals or a commit status');
      return undefined;
    }
    throw err;
  }
}

function failureMessage(err: unknown, t: GithubTarget, doing: string): UserError {
  const f = (err && typeof err === 'object' && typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number; message?: string }) : undefined);
  const where = `${t.owner}/${t.repo}#${t.pullRequest}`;
  if (!f) return new UserError(`GitHub request for ${where} failed while ${doing}: ${(err as Error)?.message?.split('\n')[0] ?? String(err)}`);
  const message = (f.message ?? '').split(' - ')[0];
  if (f.status === 401) return new UserError(`GitHub rejected the token (401 ${message}): check GITHUB_TOKEN or --github-token`);
  if (f.status === 403 && doing.startsWith('setting')) {
    return new UserError(`the token may not set commit statuses on ${where} (403 ${message}); in GitHub Actions give the job \`permissions: statuses: write\``);
  }
  if (f.status === 404) return new UserError(`${where} not found while ${doing} (404): check --repo, --pull-request and the token's access`);
  return new UserError(`GitHub request for ${where} failed while ${doing} (${f.status} ${message})`);
}

function report(diff: CostDiff, config: CostdiffConfig | undefined, result: CheckResult, say: (line: string) => void): void {
  const e = result.evaluation;
  say(`costdiff check: ${checkSummary(result)}`);
  const t = diff.totals;
  say(`  monthly cost ${money(t.past)} → ${money(t.planned)} (${signedMoney(t.delta)}${t.deltaPercent ? `, ${percent(t.deltaPercent)}` : ''}; ${signedMoney(t.deltaYearly)} a year)`);
  if (e.discount) say(`  after the ${e.discount.percent.toString()} % discount: ${money(e.compared.past)} → ${money(e.compared.planned)} (${signedMoney(e.compared.delta)})`);
  for (const u of unitEconomics(diff, config?.unitEconomics ?? [])) {
    say(`  cost per ${quantity(u.per)} ${u.metric}: ${unitCostText(u.past)} → ${unitCostText(u.planned)}${u.deltaPercent ? `, ${percent(u.deltaPercent)}` : ''}`);
  }
  for (const b of e.budgets) {
    const used = b.usedPercent ? ` (${b.usedPercent.toFixed(1)} %)` : '';
    say(`  budget ${b.project}: ${money(b.planned)} of ${money(b.budget)}${used}${b.over ? ', over budget' : ''}${b.inChange ? '' : ', not in this change'}`);
  }
  for (const v of e.violations) {
    const state = result.pendingPolicies.includes(v.policy) ? 'needs approval from ' + mentionApprovers(v.approvers) : 'approved';
    say(`  policy ${v.policy}: ${v.message} — ${state}`);
  }
  for (const a of result.approvals) say(`  ${a.action === 'approve' ? 'approved' : 'rejected'} by @${a.login} at ${a.at}${a.reason ? `: ${a.reason}` : ''}`);
  for (const i of result.ignored) say(`  not counted: @${i.login}${i.at ? ` at ${i.at}` : ''}: ${i.reason}`);
}

async function run(a: CheckArgs): Promise<number> {
  const diff = await readDiffJson(a.path);
  const config = await findConfig(a.config);
  if (!config) warn('no costdiff.yml (pass --config F): there are no budgets or policies to check');
  const evaluation = evaluatePolicies(diff, config, forecast(diff, config));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const target = await pullRequestTarget(a, process.env);
  if (!target) {
    const result = decide(evaluation, [], false);
    report(diff, config, result, say);
    return exitCodeFor(result);
  }
  const { resolveToken } = await import('../../vcs/github/context.js');
  const token = resolveToken(a['github-token'], process.env);
  const { createClient, defaultPolicy } = await import('../../vcs/github/client.js');
  const { checkWithApprovals } = await import('../../vcs/github/approvals.js');
  const { runUrl, setCommitStatus, statusFor, STATUS_CONTEXT } = await import('../../vcs/github/status.js');
  const client = await createClient({
    token,
    baseUrl: target.baseUrl,
    policy: defaultPolicy(process.env),
    userAgent: 'costdiff',
    debug: a.debug ? (line) => process.stderr.write(`costdiff: debug: ${line.split(token).join('***')}\n`) : undefined,
  });
  let checked;
  try {
    checked = await checkWithApprovals(client, target, evaluation);
  } catch (err) {
    throw failureMessage(err, target, 'reading the pull request and its approvals');
  }
  for (const note of checked.notes) warn(note);
  const status = statusFor(checked.result);
  try {
    await setCommitStatus(client, target, checked.head.sha, status, runUrl(process.env));
  } catch (err) {
    throw failureMessage(err, target, 'setting the commit status');
  }
  report(diff, config, checked.result, say);
  say(`Set commit status "${STATUS_CONTEXT}" to ${status.state} on ${target.owner}/${target.repo}@${checked.head.sha.slice(0, 7)} (#${target.pullRequest}).`);
  return exitCodeFor(checked.result);
}

export async function runCheck(values: OptionValues): Promise<void> {
  const code = await run(values as unknown as CheckArgs);
  // Exit 3: a policy failed and was not approved (the verdict is already printed).
  if (code !== 0) process.exitCode = code;
}
