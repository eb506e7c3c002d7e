import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GithubServer, userJson } from '../support/github-server.js';
import { fixture, repoRoot } from '../support/repo.js';

/**
 * `costdiff check` end to end: `node bin/costdiff.js` against the local GitHub server, with the
 * real Octokit client. The scenario: a pull request pushes project "prod" from $387.73 to
 * $630.82 a month (+$243.09), over its $600 budget and over the $50 increase policy.
 */

const TOKEN = 'ghs_e2eCheckToken0123456789abcdef';
const CONFIG = fixture('finops', 'costdiff.yml');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(GITHUB_|COSTDIFF_|AWS_)/.test(k)) base[k] = v;
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot(), 'bin', 'costdiff.js'), ...args], { cwd: repoRoot(), env: { ...base, ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

let dir: string;
let diffPath: string;
let server: GithubServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'costdiff-check-'));
  diffPath = join(dir, 'diff.json');
  const r = await run(['diff', '--path', fixture('finops', 'plan.json'), '--project-name', 'prod', '--format', 'json', '--out', diffPath]);
  expect(r).toMatchObject({ code: 0 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  server = await new GithubServer({ token: TOKEN, pulls: [7] }).start();
  server.push();
});
afterEach(async () => {
  await server.stop();
});

const ghEnv = () => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url, COSTDIFF_GITHUB_RETRY_BASE_MS: '1' });
const check = (args: string[] = []) => run(['check', '--path', diffPath, '--config', CONFIG, '--repo', 'octo-org/infra', '--pull-request', '7', ...args], ghEnv());

test('over budget: the comment shows forecast and unit cost, the status waits for @po-alice, her approval turns it green', async () => {
  // The PR comment, with the FinOps sections from costdiff.yml.
  const posted = await run(['comment', 'github', '--path', diffPath, '--config', CONFIG, '--repo', 'octo-org/infra', '--pull-request', '7'], ghEnv());
  expect(posted.stderr).toContain('Created the cost comment');
  expect(posted.code).toBe(0);
  const body = server.commentsOn(7)[0].body;
  expect(body).toContain('⏳ **Needs approval** from @po-alice or @acme/finance: monthly increase $243.09 &gt; $50.00; prod over budget: $630.82 &gt; $600.00.');
  // 387.73 × 1,000 / 1,200,000 = 0.323; 630.82 × 1,000 / 1,200,000 = 0.526; 243.09 / 387.73 = +62.7 %
  expect(body).toContain('| Cost per 1,000 orders | $0.323 | $0.526 | +62.7 % |');
  expect(body).toContain('```mermaid\nxychart-beta');
  // Month 12 after: (281.92 + 32.85 + 32.85) × 1.04^11 + 283.20 = 818.35 (see test/report/html.test.ts)
  expect(body).toMatch(/\| 12 \| \$[\d,]+\.\d\d \| \$818\.35 \|/);
  // 630.82 / 600 = 105.1 %
  expect(body).toContain('| prod | $600.00 | $387.73 | $630.82 | 105.1 % | ⚠️ over budget |');

  // The check: pending, naming who can approve; exit 3.
  const first = await check();
  expect(first.code).toBe(3);
  expect(first.stdout.split('\n')[0]).toBe(
    'costdiff check: needs approval from @po-alice or @acme/finance: monthly increase $243.09 > $50.00; prod over budget: $630.82 > $600.00',
  );
  expect(first.stdout).toContain('cost per 1,000 orders: $0.323 → $0.526, +62.7 %');
  expect(server.latestStatus()).toMatchObject({ state: 'pending', context: 'costdiff', sha: server.headSha });
  expect(server.latestStatus()!.description).toMatch(/^needs approval from @po-alice or @acme\/finance: monthly increase \$243\.09 > \$50\.00/);

  // @po-alice approves on the pull request; the re-run turns the status green.
  server.addComment(7, '/costdiff approve launch of the EU region', userJson('po-alice'));
  const second = await check();
  expect(second.code).toBe(0);
  expect(second.stdout.split('\n')[0]).toMatch(/^costdiff check: approved by @po-alice for \+\$243\.09\/month/);
  expect(server.latestStatus()).toMatchObject({ state: 'success', sha: server.headSha });
  expect(server.latestStatus()!.description).toMatch(/^approved by @po-alice for \+\$243\.09\/month/);

  // The comment, updated, records the approval.
  await run(['comment', 'github', '--path', diffPath, '--config', CONFIG, '--repo', 'octo-org/infra', '--pull-request', '7'], ghEnv());
  const updated = server.commentsOn(7).find((c) => c.body.includes('<!-- costdiff -->'))!.body;
  expect(updated).toContain('✅ **Approved** by @po-alice for +$243.09/month');
  expect(updated).toMatch(/\| @po-alice \| ✅ approved \| \+\$243\.09 \| 2025-06-02 \d\d:\d\d:\d\d UTC \| launch of the EU region \|/);

  // A new push makes the approval stale again.
  server.push();
  const third = await check();
  expect(third.code).toBe(3);
  expect(server.latestStatus()).toMatchObject({ state: 'pending', sha: server.headSha });
});

test('inside GitHub Actions: repository and pull request from the environment (an issue_comment event)', async () => {
  const event = join(dir, 'event.json');
  await writeFile(event, JSON.stringify({ action: 'created', issue: { number: 7, pull_request: { url: 'x' } }, comment: { body: '/costdiff approve' } }));
  server.addComment(7, '/costdiff approve', userJson('po-alice'));
  const r = await run(['check', '--path', diffPath, '--config', CONFIG], { ...ghEnv(), GITHUB_REPOSITORY: 'octo-org/infra', GITHUB_EVENT_PATH: event, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42' });
  expect(r.code).toBe(0);
  expect(server.latestStatus()).toMatchObject({ state: 'success', target_url: 'https://github.com/octo-org/infra/actions/runs/42' });
});

test('/costdiff reject by an approver fails the status and exits 3', async () => {
  server.addComment(7, '/costdiff reject not this quarter', userJson('po-alice'));
  const r = await check();
  expect(r.code).toBe(3);
  expect(r.stdout.split('\n')[0]).toBe('costdiff check: rejected by @po-alice: not this quarter');
  expect(server.latestStatus()).toMatchObject({ state: 'failure', description: 'rejected by @po-alice: not this quarter' });
});

test('outside a pull request: the verdict and exit code only, no requests', async () => {
  const r = await run(['check', '--path', diffPath, '--config', CONFIG], { GITHUB_API_URL: server.url });
  expect(r.code).toBe(3);
  expect(r.stdout).toContain('costdiff check: needs approval from @po-alice or @acme/finance');
  expect(server.requests).toEqual([]);
});

test('within policy: exit 0 and a green status', async () => {
  const relaxed = join(dir, 'relaxed.yml');
  const text = (await readFile(CONFIG, 'utf8')).replace('monthly: 600', 'monthly: 1000').replace('max_monthly_increase: 50', 'max_monthly_increase: 500').replace('metrics/orders.csv', join(repoRoot(), 'fixtures', 'finops', 'metrics', 'orders.csv'));
  await writeFile(relaxed, text);
  const r = await run(['check', '--path', diffPath, '--config', relaxed, '--repo', 'octo-org/infra', '--pull-request', '7'], ghEnv());
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.split('\n')[0]).toBe('costdiff check: within policy: +$243.09/month');
  expect(server.latestStatus()).toMatchObject({ state: 'success', description: 'within policy: +$243.09/month' });
});

test('bad input: one line on stderr and exit 1', async () => {
  const bad = join(dir, 'bad.yml');
  await writeFile(bad, 'version: 1\npolicies:\n  - name: x\n    max_monthly_increase: fifty\n');
  const r1 = await run(['check', '--path', diffPath, '--config', bad]);
  expect(r1).toEqual({ code: 1, stdout: '', stderr: `costdiff: ${bad}: policies[0].max_monthly_increase: expected a number, got "fifty" (line 4)\n` });

  const r2 = await run(['check', '--path', fixture('finops', 'plan.json'), '--config', CONFIG]);
  expect(r2.code).toBe(1);
  expect(r2.stderr.trim().split('\n')).toHaveLength(1);
  expect(r2.stderr).toMatch(/^costdiff: .*plan\.json is not costdiff JSON output/);

  const r3 = await run(['check', '--config', CONFIG]);
  expect(r3.code).toBe(2);
});

test('a token that may not set statuses: a hint about the workflow permission', async () => {
  server.fail({ method: 'POST', path: /\/statuses\//, status: 403, body: { message: 'Resource not accessible by integration' } });
  const r = await check();
  expect(r.code).toBe(1);
  expect(r.stderr).toBe(
    'costdiff: the token may not set commit statuses on octo-org/infra#7 (403 Resource not accessible by integration); in GitHub Actions give the job `permissions: statuses: write`\n',
  );
  expect(r.stderr).not.toContain(TOKEN);
});
