import { loadConfig } from '../../../src/config/index.js';
import { readDiffJson } from '../../../src/input/baseline.js';
import { forecast } from '../../../src/estimate/forecast.js';
import { evaluatePolicies, type PolicyEvaluation } from '../../../src/estimate/policy.js';
import { renderFinOpsSections, renderVerdictLine } from '../../../src/report/finops-markdown.js';
import { checkWithApprovals, parseCommand } from '../../../src/vcs/github/approvals.js';
import { createClient, type GithubClient } from '../../../src/vcs/github/client.js';
import type { GithubTarget } from '../../../src/vcs/github/context.js';
import { setCommitStatus, statusFor } from '../../../src/vcs/github/status.js';
import { GithubServer, userJson } from '../../support/github-server.js';
import { fixture } from '../../support/repo.js';

const TOKEN = 'ghs_approvalsTestToken0123456789';
let server: GithubServer;
let client: GithubClient;
let target: GithubTarget;
let evaluation: PolicyEvaluation;
let diff: Awaited<ReturnType<typeof readDiffJson>>;
let config: Awaited<ReturnType<typeof loadConfig>>;

beforeAll(async () => {
  // +$243.09 a month (> $50) and prod at $630.82 (> its $600 budget); approvers @po-alice, @acme/finance.
  diff = await readDiffJson(fixture('finops', 'diff.json'));
  config = await loadConfig(fixture('finops', 'costdiff.yml'));
  evaluation = evaluatePolicies(diff, config, forecast(diff, config));
});

beforeEach(async () => {
  server = await new GithubServer({ token: TOKEN, pulls: [7] }).start();
  server.teams.set('acme/finance', new Set(['fin-carol']));
  // The change under review: pushed at 10:01 (comments made before it are stale).
  server.push();
  target = { owner: server.owner, repo: server.repo, pullRequest: 7, baseUrl: server.url };
  client = await createClient({ token: TOKEN, baseUrl: server.url, userAgent: 'costdiff-test', policy: { retries: 0, baseDelayMs: 1, maxWaitMs: 0, sleep: async () => undefined } });
});

afterEach(async () => {
  await server.stop();
});

async function check() {
  const out = await checkWithApprovals(client, target, evaluation);
  const status = statusFor(out.result);
  await setCommitStatus(client, target, out.head.sha, status);
  return { ...out, status: server.latestStatus()! };
}

const say = (login: string, body: string) => server.addComment(7, body, userJson(login));

test('without an approval the status is pending and names who can approve', async () => {
  const { result, status } = await check();
  expect(result.state).toBe('pending');
  expect(status).toMatchObject({ state: 'pending', context: 'costdiff', sha: server.headSha });
  expect(status.description).toBe('needs approval from @po-alice or @acme/finance: monthly increase $243.09 > $50.00; prod over budget: $630.82 > $600.00');
});

test('an approver\'s comment after the latest push turns it green', async () => {
  say('po-alice', '/costdiff approve launch traffic, agreed with finance');
  const { result, status } = await check();
  expect(result.state).toBe('approved');
  expect(result.approvals).toHaveLength(1);
  expect(result.approvals[0]).toMatchObject({ login: 'po-alice', action: 'approve', via: 'comment', reason: 'launch traffic, agreed with finance', at: '2025-06-02T10:02:00Z' });
  expect(result.approvals[0].amount.toString()).toBe('243.09');
  expect(status.state).toBe('success');
  expect(status.description).toBe('approved by @po-alice for +$243.09/month: monthly increase $243.09 > $50.00; prod over budget: $630.82 > $600.00');
  // The PR comment's parts say the same.
  expect(renderVerdictLine(result)).toMatch(/^✅ \*\*Approved\*\* by @po-alice for \+\$243\.09\/month/);
  const approvals = renderFinOpsSections(diff, config, result).find((s) => s.startsWith('#### Approvals'))!;
  expect(approvals).toContain('| @po-alice | ✅ approved | +$243.09 | 2025-06-02 10:02:00 UTC | launch traffic, agreed with finance |');
});

test('a comment by someone who is not an approver changes nothing', async () => {
  say('dev-dave', '/costdiff approve');
  const { result, status } = await check();
  expect(result.state).toBe('pending');
  expect(status.state).toBe('pending');
  expect(result.ignored).toEqual([{ login: 'dev-dave', at: '2025-06-02T10:02:00Z', reason: 'not an approver' }]);
});

test('an approval made before the latest push is stale', async () => {
  say('po-alice', '/costdiff approve');
  server.push(); // the cost changed again after the approval
  const { result, status } = await check();
  expect(result.state).toBe('pending');
  expect(status.state).toBe('pending');
  expect(result.ignored[0]).toMatchObject({ login: 'po-alice', reason: 'made before the latest commit (stale)' });
  // Approving again, after the push, counts.
  say('po-alice', '/costdiff approve');
  expect((await check()).status.state).toBe('success');
});

test('an edited comment is ignored', async () => {
  const c = say('po-alice', '/costdiff reject');
  // Edited into an approval later on: edits are ignored, so it is neither.
  const res = await client.octokit.rest.issues.updateComment({ owner: server.owner, repo: server.repo, comment_id: c.id, body: '/costdiff approve' });
  expect(res.status).toBe(200);
  const { result, status } = await check();
  expect(result.state).toBe('pending');
  expect(status.state).toBe('pending');
  expect(result.ignored[0]).toMatchObject({ login: 'po-alice', reason: 'the comment was edited; post a new one' });
});

test('/costdiff reject by an approver fails the status', async () => {
  say('po-alice', '/costdiff approve');
  say('fin-carol', '/costdiff reject too expensive for Q3');
  const { result, status } = await check();
  expect(result.state).toBe('rejected');
  expect(status).toMatchObject({ state: 'failure', description: 'rejected by @fin-carol: too expensive for Q3' });
  expect(renderVerdictLine(result)).toMatch(/^⛔ \*\*Rejected\*\*: rejected by @fin-carol: too expensive for Q3\./);
});

test('a member of an approving team may approve; membership is asked of GitHub', async () => {
  say('fin-carol', '/costdiff approve');
  const { result, status } = await check();
  expect(result.state).toBe('approved');
  expect(result.approvals[0].teams).toEqual(['acme/finance']);
  expect(status.description).toMatch(/^approved by @fin-carol for \+\$243\.09\/month/);
  expect(server.requests.some((r) => r.path === '/orgs/acme/teams/finance/memberships/fin-carol')).toBe(true);
});

test('an approving review by an approver counts; one of an earlier commit does not', async () => {
  const old = server.headSha;
  server.addReview(7, 'po-alice', 'APPROVED', 'ok', old);
  server.push();
  let out = await check();
  expect(out.result.state).toBe('pending');
  expect(out.result.ignored[0]).toMatchObject({ login: 'po-alice', reason: 'approving review of an earlier commit (stale)' });
  server.addReview(7, 'po-alice', 'APPROVED', 'LGTM, cost is fine');
  out = await check();
  expect(out.result.state).toBe('approved');
  expect(out.result.approvals[0]).toMatchObject({ login: 'po-alice', via: 'review', reason: 'LGTM, cost is fine' });
  expect(out.status.state).toBe('success');
});

test('the pull request\'s author cannot approve their own change', async () => {
  // The fixture pull request is opened by @octocat.
  const own = { ...evaluation, approvers: { users: ['octocat'], teams: [] }, violations: evaluation.violations.map((v) => ({ ...v, approvers: { users: ['octocat'], teams: [] } })) };
  server.addComment(7, '/costdiff approve', userJson('octocat'));
  const out = await checkWithApprovals(client, target, own);
  expect(out.result.state).toBe('pending');
  expect(out.result.ignored[0].reason).toBe("the pull request's author cannot approve their own change");
});

test('only a command on the first line counts (our own comment explains the commands)', async () => {
  say('po-alice', 'Looks fine to me.\n/costdiff approve');
  expect((await check()).result.state).toBe('pending');
});

test('a token that cannot read team membership leaves a note, not a crash', async () => {
  server.fail({ method: 'GET', path: /^\/orgs\//, status: 403, body: { message: 'Resource not accessible by integration' } });
  say('fin-carol', '/costdiff approve');
  const out = await check();
  expect(out.result.state).toBe('pending');
  expect(out.notes).toEqual(['cannot read the members of @acme/finance (403 Resource not accessible by integration); team approvals need a token with read:org']);
});

test('parsing commands', () => {
  expect(parseCommand('/costdiff approve')).toEqual({ action: 'approve' });
  expect(parseCommand('  /CostDiff Approve  ship it \nmore text')).toEqual({ action: 'approve', reason: 'ship it' });
  const capped = parseCommand('/costdiff approve $1,250.50 for the launch')!;
  expect([capped.upTo!.toString(), capped.reason]).toEqual(['1250.5', 'for the launch']);
  expect(parseCommand('/costdiff approve up to $300')!.upTo!.toString()).toBe('300');
  expect(parseCommand('/costdiff reject $300 no')).toEqual({ action: 'reject', reason: '$300 no' });
  expect(parseCommand('/costdiff approved')).toBeUndefined();
  expect(parseCommand('please /costdiff approve')).toBeUndefined();
  expect(parseCommand(null)).toBeUndefined();
});

test('status descriptions stay within GitHub\'s 140 characters', async () => {
  const many = {
    ...evaluation,
    violations: Array.from({ length: 5 }, (_, i) => ({ ...evaluation.violations[0], policy: `p${i}`, message: `monthly increase $243.09 > $${i}.00 in policy number ${i}` })),
  };
  const out = await checkWithApprovals(client, target, many);
  const status = statusFor(out.result);
  expect([...status.description]).toHaveLength(140);
  expect(status.description.endsWith('…')).toBe(true);
  await setCommitStatus(client, target, out.head.sha, status);
  expect(server.latestStatus()!.description).toBe(status.description);
});
