import { Decimal } from '../../core/decimal.js';
import type { CostdiffConfig } from '../../config/types.js';
import type { CostDiff } from '../../estimate/diff-types.js';
import { forecast } from '../../estimate/forecast.js';
import { decide, evaluatePolicies, type ApprovalAction, type CheckResult, type IgnoredAction, type PolicyEvaluation } from '../../estimate/policy.js';
import { renderFinOpsSections, renderVerdictLine } from '../../report/finops-markdown.js';
import { httpFailure, type GithubClient } from './client.js';
import type { GithubTarget } from './context.js';

/**
 * Cost approvals given on the pull request itself:
 * - a comment whose first line is `/costdiff approve [reason]` (or `/costdiff approve $500 …`,
 *   an explicit ceiling) or `/costdiff reject [reason]`, or an approving review;
 * - by an approver: a login in `approvers.users`, or an active member of a team in
 *   `approvers.teams` (GET /orgs/{org}/teams/{slug}/memberships/{user}, which needs a token that
 *   can read the organisation's teams — GitHub Actions' GITHUB_TOKEN cannot);
 * - made after the head commit (its committer date): an approval applies to the increase at the
 *   time it was given, and that only changes with a push, so anything older is stale;
 * - never an edited comment (updated_at ≠ created_at), nor one by the pull request's author.
 */

export interface PullRequestHead {
  sha: string;
  /** Committer date of the head commit: when the cost last changed. */
  date: string;
  author: string;
}

interface CommentData {
  id: number;
  body?: string | null;
  user?: { login: string } | null;
  created_at: string;
  updated_at: string;
  html_url: string;
}

interface ReviewData {
  id: number;
  user?: { login: string } | null;
  state: string;
  body?: string | null;
  submitted_at?: string | null;
  commit_id?: string | null;
  html_url: string;
}

export interface ParsedCommand {
  action: 'approve' | 'reject';
  reason?: string;
  upTo?: Decimal;
}

const COMMAND = /^\/costdiff\s+(approve|reject)(?:\s+(.*))?$/i;
const CEILING = /^(?:up\s+to\s+)?\$([0-9][0-9,]*(?:\.[0-9]{1,2})?)(?=\s|$)\s*(.*)$/i;

/** A `/costdiff approve|reject` command on the comment's first line, or undefined. */
export function parseCommand(body: string | null | undefined): ParsedCommand | undefined {
  const first = (body ?? '').replace(/^\uFEFF/, '').trim().split(/\r?\n/)[0]?.trim() ?? '';
  const m = COMMAND.exec(first);
  if (!m) return undefined;
  const action = m[1].toLowerCase() as 'approve' | 'reject';
  let rest = (m[2] ?? '').trim();
  let upTo: Decimal | undefined;
  if (action === 'approve') {
    const c = CEILING.exec(rest);
    if (c) {
      upTo = Decimal.parse(c[1].replace(/,/g, ''));
      rest = c[2].trim();
    }
  }
  return { action, ...(rest ? { reason: rest } : {}), ...(upTo ? { upTo } : {}) };
}

export async function pullRequestHead(client: GithubClient, t: GithubTarget): Promise<PullRequestHead> {
  const { data: pr } = await client.octokit.rest.pulls.get({ owner: t.owner, repo: t.repo, pull_number: t.pullRequest });
  const sha = pr.head.sha;
  const { data: commit } = await client.octokit.rest.repos.getCommit({ owner: t.owner, repo: t.repo, ref: sha });
  const date = commit.commit.committer?.date ?? commit.commit.author?.date;
  if (!date) throw new Error(`commit ${sha} has no committer date`);
  return { sha, date, author: pr.user?.login ?? '' };
}

/** Team membership checks, cached per run; a failed lookup counts as "not a member" with a note. */
export class TeamMembership {
  private readonly cache = new Map<string, Promise<boolean>>();
  readonly notes: string[] = [];

  constructor(private readonly client: GithubClient) {}

  isMember(team: string, login: string): Promise<boolean> {
    const key = `${team.toLowerCase()}\u0000${login.toLowerCase()}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.lookup(team, login);
      this.cache.set(key, found);
    }
    return found;
  }

  private async lookup(team: string, login: string): Promise<boolean> {
    const [org, slug] = team.split('/');
    try {
      const { data } = await this.client.octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
      return data.state === 'active';
    } catch (err) {
      const f = httpFailure(err);
      if (f?.status === 404) return false;
      if (f && (f.status === 403 || f.status === 401)) {
        this.notes.push(`cannot read the members of @${team} (${f.status} ${f.message}); team approvals need a token with read:org`);
        return false;
      }
      throw err;
    }
  }
}

function isNewer(at: string | null | undefined, than: string): boolean {
  return !!at && Date.parse(at) > Date.parse(than);
}

/**
 * The approval actions on the pull request that count (recent, unedited, by someone who may
 * approve), plus the ones set aside and why.
 */
export async function collectActions(
  client: GithubClient,
  t: GithubTarget,
  head: PullRequestHead,
  evaluation: PolicyEvaluation,
  membership = new TeamMembership(client),
): Promise<{ actions: ApprovalAction[]; ignored: IgnoredAction[]; notes: string[] }> {
  const { octokit } = client;
  const where = { owner: t.owner, repo: t.repo };
  const comments = (await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: t.pullRequest, per_page: 100 })) as CommentData[];
  const reviews = (await octokit.paginate(octokit.rest.pulls.listReviews, { ...where, pull_number: t.pullRequest, per_page: 100 })) as ReviewData[];

  const candidates: (Omit<ApprovalAction, 'teams'> & { login: string })[] = [];
  const ignored: IgnoredAction[] = [];
  for (const c of comments) {
    const cmd = parseCommand(c.body);
    const login = c.user?.login;
    if (!cmd || !login) continue;
    if (c.updated_at !== c.created_at) {
      ignored.push({ login, at: c.created_at, reason: 'the comment was edited; post a new one' });
      continue;
    }
    if (!isNewer(c.created_at, head.date)) {
      ignored.push({ login, at: c.created_at, reason: 'made before the latest commit (stale)' });
      continue;
    }
    candidates.push({ login, action: cmd.action, via: 'comment', at: c.created_at, url: c.html_url, ...(cmd.reason ? { reason: cmd.reason } : {}), ...(cmd.upTo ? { upTo: cmd.upTo } : {}) });
  }
  for (const r of reviews) {
    const login = r.user?.login;
    if (r.state !== 'APPROVED' || !login) continue;
    if (!isNewer(r.submitted_at, head.date) || (r.commit_id && r.commit_id !== head.sha)) {
      ignored.push({ login, at: r.submitted_at ?? '', reason: 'approving review of an earlier commit (stale)' });
      continue;
    }
    const cmd = parseCommand(r.body);
    candidates.push({
      login,
      action: 'approve',
      via: 'review',
      at: r.submitted_at!,
      url: r.html_url,
      ...(cmd?.reason ? { reason: cmd.reason } : r.body?.trim() ? { reason: r.body.trim().split(/\r?\n/)[0] } : {}),
      ...(cmd?.upTo ? { upTo: cmd.upTo } : {}),
    });
  }

  const actions: ApprovalAction[] = [];
  const users = new Set(evaluation.approvers.users.map((u) => u.toLowerCase()));
  for (const c of candidates) {
    if (c.login.toLowerCase() === head.author.toLowerCase()) {
      ignored.push({ login: c.login, at: c.at, reason: "the pull request's author cannot approve their own change" });
      continue;
    }
    const teams: string[] = [];
    for (const team of evaluation.approvers.teams) if (await membership.isMember(team, c.login)) teams.push(team);
    if (!users.has(c.login.toLowerCase()) && !teams.length) {
      ignored.push({ login: c.login, at: c.at, reason: 'not an approver' });
      continue;
    }
    actions.push({ ...c, teams });
  }
  return { actions, ignored, notes: membership.notes };
}

/** Evaluation + the pull request's approvals → the check's outcome. */
export async function checkWithApprovals(
  client: GithubClient,
  t: GithubTarget,
  evaluation: PolicyEvaluation,
): Promise<{ result: CheckResult; head: PullRequestHead; notes: string[] }> {
  const head = await pullRequestHead(client, t);
  const anyApprovers = evaluation.approvers.users.length > 0 || evaluation.approvers.teams.length > 0;
  if (!anyApprovers) return { result: decide(evaluation, []), head, notes: [] };
  const { actions, ignored, notes } = await collectActions(client, t, head, evaluation);
  const result = decide(evaluation, actions);
  result.ignored.unshift(...ignored);
  return { result, head, notes };
}

/**
 * The FinOps parts of the pull-request comment (`comment github --config`): the verdict line and
 * the sections after it. With a client, approvals already given on the pull request are shown.
 */
export async function finopsCommentParts(
  diff: CostDiff,
  config: CostdiffConfig | undefined,
  github?: { client: GithubClient; target: GithubTarget },
): Promise<{ verdict?: string; extraSections?: string[] }> {
  if (!config) return {};
  const evaluation = evaluatePolicies(diff, config, forecast(diff, config));
  const result = github ? (await checkWithApprovals(github.client, github.target, evaluation)).result : decide(evaluation, [], false);
  return { verdict: renderVerdictLine(result), extraSections: renderFinOpsSections(diff, config, result) };
}
