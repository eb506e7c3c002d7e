import { jest } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAsync as runCli, type CliResult } from '../../support/cli.js';
import { GithubServer, ERRORS } from '../../support/github-server.js';
import { fixture } from '../../support/repo.js';

const TOKEN = 'ghs_s3cr3tT0kenValue1234567890abcdef';
const MARKER = '<!-- costdiff -->';
let dir: string;
let increase: string;
let decrease: string;
let noChange: string;
let breakdown: string;
let server: GithubServer;

jest.setTimeout(60_000);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'costdiff-gh-'));
  increase = join(dir, 'increase.json');
  decrease = join(dir, 'decrease.json');
  noChange = join(dir, 'no-change.json');
  breakdown = join(dir, 'breakdown.json');
  const runs = await Promise.all([
    runCli(['diff', '--path', fixture('diff', 'plan-changes.json'), '--format', 'json', '--out', increase]),
    runCli(['diff', '--path', fixture('diff', 'plan-decrease.json'), '--format', 'json', '--out', decrease]),
    runCli(['diff', '--path', fixture('diff', 'plan-no-change.json'), '--format', 'json', '--out', noChange]),
    runCli(['breakdown', '--path', fixture('plans', 'example.json'), '--format', 'json', '--out', breakdown]),
  ]);
  for (const r of runs) expect(r).toMatchObject({ code: 0 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  server = await new GithubServer({ token: TOKEN, pulls: [7] }).start();
});

afterEach(async () => {
  await server.stop();
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: server.url, COSTDIFF_GITHUB_RETRY_BASE_MS: '10', ...extra };
}

async function comment(path: string, args: string[] = [], extra: Record<string, string> = {}): Promise<CliResult> {
  const r = await runCli(['comment', 'github', '--path', path, '--repo', 'octo-org/infra', '--pull-request', '7', ...args], env(extra));
  // Whatever happened, the token is never printed.
  expect(r.stdout).not.toContain(TOKEN);
  expect(r.stderr).not.toContain(TOKEN);
  return r;
}

const ours = (marker = MARKER) => server.commentsOn(7).filter((c) => c.body.includes(marker));
const writes = () => server.requests.filter((r) => r.method !== 'GET');

function expectOneLineError(r: CliResult, pattern: RegExp): void {
  expect(r.code).toBe(1);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^costdiff: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('comment github --behavior update (default)', () => {
  it('creates one comment, and a second identical run makes no write at all', async () => {
    const first = await comment(increase);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Created the cost comment on octo-org\/infra#7: https:\/\/github.com\/octo-org\/infra\/pull\/7#issuecomment-\d+/);
    expect(ours()).toHaveLength(1);
    expect(ours()[0].body.startsWith(MARKER)).toBe(true);
    expect(ours()[0].body).toContain('This pull request adds **$122.02 per month**');
    const requestsBefore = server.requests.length;

    const second = await comment(increase);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/up to date/);
    expect(ours()).toHaveLength(1);
    const secondRun = server.requests.slice(requestsBefore);
    expect(secondRun.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/octo-org/infra/pulls/7',
      'GET /repos/octo-org/infra/issues/7/comments',
    ]);
    expect(secondRun.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
  });

  it('edits the previous comment in place when the cost changed', async () => {
    server.addComment(7, 'LGTM');
    await comment(increase);
    const [before] = ours();
    const r = await comment(decrease);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Updated the cost comment/);
    const after = ours();
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(before.id);
    expect(after[0].body).toContain('This pull request saves');
    expect(writes().map((w) => w.method)).toEqual(['POST', 'PATCH']);
    expect(server.commentsOn(7).map((c) => c.body)).toContain('LGTM');
  });

  it('finds its comment on a later page (pagination with Link headers)', async () => {
    for (let i = 0; i < 130; i++) server.addComment(7, `review note ${i}`);
    const old = server.addComment(7, `${MARKER}\nold estimate`);
    const r = await comment(increase);
    expect(r.code).toBe(0);
    expect(writes().map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /repos/octo-org/infra/issues/comments/${old.id}`]);
    const lists = server.requests.filter((q) => q.method === 'GET' && /comments$/.test(q.path));
    expect(lists.map((q) => q.query.get('per_page'))).toEqual(['100', '100']);
    expect(lists[1].path).toBe('/repositories/1296269/issues/7/comments');
    expect(ours()).toHaveLength(1);
  });

  it('keeps comments of other tags apart', async () => {
    const untagged = server.addComment(7, `${MARKER}\nfrom another workflow`);
    const r = await comment(increase, ['--tag', 'prod']);
    expect(r.code).toBe(0);
    expect(ours('<!-- costdiff:prod -->')).toHaveLength(1);
    expect(server.commentsOn(7).find((c) => c.id === untagged.id)?.body).toBe(`${MARKER}\nfrom another workflow`);
  });
});

describe('other behaviours', () => {
  it('new: always creates', async () => {
    await comment(increase, ['--behavior', 'new']);
    await comment(increase, ['--behavior', 'new']);
    expect(ours()).toHaveLength(2);
  });

  it('delete-and-new: deletes ours (not others), then creates', async () => {
    const a = server.addComment(7, `${MARKER}\nfirst`);
    const b = server.addComment(7, `${MARKER}\nsecond`);
    server.addComment(7, 'a human comment');
    const r = await comment(increase, ['--behavior', 'delete-and-new']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Deleted 2 previous costdiff comments/);
    expect(writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `DELETE /repos/octo-org/infra/issues/comments/${a.id}`,
      `DELETE /repos/octo-org/infra/issues/comments/${b.id}`,
      'POST /repos/octo-org/infra/issues/7/comments',
    ]);
    expect(ours()).toHaveLength(1);
    expect(server.commentsOn(7).map((c) => c.body)).toContain('a human comment');
  });

  it('hide-and-new: minimizes the previous one as OUTDATED over GraphQL, then creates', async () => {
    const old = server.addComment(7, `${MARKER}\nold`);
    const r = await comment(increase, ['--behavior', 'hide-and-new']);
    expect(r.code).toBe(0);
    const gql = server.requests.find((q) => q.path === '/graphql');
    expect(gql?.body).toMatchObject({ variables: { id: old.node_id } });
    expect(String((gql?.body as { query: string }).query)).toMatch(/minimizeComment\(input: \{ subjectId: \$id, classifier: OUTDATED \}\)/);
    expect(server.comments.find((c) => c.id === old.id)?.minimized).toBe(true);
    expect(ours()).toHaveLength(2);
    expect(ours().filter((c) => !c.minimized)).toHaveLength(1);
  });
});

describe('GitHub Actions environment', () => {
  it('reads GITHUB_REPOSITORY, GITHUB_EVENT_PATH (pull_request) and GITHUB_API_URL (Enterprise /api/v3)', async () => {
    const event = join(dir, 'event.json');
    await writeFile(event, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, state: 'open' } }));
    const r = await runCli(['comment', 'github', '--path', increase], {
      GITHUB_TOKEN: TOKEN,
      GITHUB_REPOSITORY: 'octo-org/infra',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: `${server.url}/api/v3`,
    });
    expect(r.code).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(server.requests.every((q) => q.rawPath.startsWith('/api/v3/'))).toBe(true);
  });

  it('reads issue.number from an issue_comment event, and posts GraphQL to /api/graphql on Enterprise', async () => {
    const event = join(dir, 'issue-event.json');
    await writeFile(event, JSON.stringify({ action: 'created', issue: { number: 7, pull_request: { url: 'x' } } }));
    server.addComment(7, `${MARKER}\nold`);
    const r = await runCli(['comment', 'github', '--path', increase, '--behavior', 'hide-and-new'], {
      GITHUB_TOKEN: TOKEN,
      GITHUB_REPOSITORY: 'octo-org/infra',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: `${server.url}/api/v3`,
    });
    expect(r.code).toBe(0);
    expect(server.requests.some((q) => q.rawPath === '/api/graphql')).toBe(true);
  });

  it('says what is missing when the event is not about a pull request', async () => {
    const event = join(dir, 'push-event.json');
    await writeFile(event, JSON.stringify({ ref: 'refs/heads/main' }));
    const r = await runCli(['comment', 'github', '--path', increase], { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'octo-org/infra', GITHUB_EVENT_PATH: event, GITHUB_API_URL: server.url });
    expectOneLineError(r, /no pull request number: the GitHub event is not about a pull request; pass --pull-request N/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('dry run and skipping', () => {
  it('--dry-run prints the body and the plan, makes no request and needs no token', async () => {
    const r = await runCli(['comment', 'github', '--path', increase, '--repo', 'octo-org/infra', '--pull-request', '7', '--dry-run'], { GITHUB_API_URL: server.url });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(MARKER)).toBe(true);
    expect(r.stderr).toMatch(/dry run: would edit the previous costdiff comment .* on octo-org\/infra#7; no request was made/);
    expect(server.requests).toHaveLength(0);
  });

  it('--skip-no-diff posts nothing (and leaves an old comment) when nothing changes', async () => {
    const old = server.addComment(7, `${MARKER}\nold`);
    const r = await comment(noChange, ['--skip-no-diff']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no comment posted/);
    expect(server.requests).toHaveLength(0);
    expect(ours()).toEqual([old]);
    const posted = await comment(increase, ['--skip-no-diff']);
    expect(posted.code).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(ours()[0].body).not.toBe(`${MARKER}\nold`);
  });

  it('without --skip-no-diff a no-change diff is still posted, saying so', async () => {
    const r = await comment(noChange);
    expect(r.code).toBe(0);
    expect(ours()[0].body).toContain('This pull request does not change the monthly cost.');
  });
});

describe('errors: one line, exit 1, never a second comment, never the token', () => {
  it('no token', async () => {
    const r = await runCli(['comment', 'github', '--path', increase, '--repo', 'octo-org/infra', '--pull-request', '7'], { GITHUB_API_URL: server.url });
    expectOneLineError(r, /no GitHub token: set GITHUB_TOKEN or pass --github-token/);
    expect(server.requests).toHaveLength(0);
  });

  it('a bad token (401), with --debug too', async () => {
    const wrong = 'ghp_wrongTokenValue_abcdefghijklmnop';
    const r = await runCli(['comment', 'github', '--path', increase, '--repo', 'octo-org/infra', '--pull-request', '7', '--github-token', wrong], { GITHUB_API_URL: server.url });
    expectOneLineError(r, /GitHub rejected the token \(401 Bad credentials\)/);
    expect(r.stderr).not.toContain(wrong);
    const debug = await runCli(['comment', 'github', '--path', increase, '--repo', 'octo-org/infra', '--pull-request', '7', '--github-token', wrong, '--debug'], {
      GITHUB_API_URL: server.url,
    });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/debug: GET \/repos\/\{owner\}\/\{repo\}\/pulls\/\{pull_number\} → 401/);
    expect(debug.stderr + debug.stdout).not.toContain(wrong);
    expect(server.requests[0].authorization).toBe(`token ${wrong}`);
  });

  it('the token stays out of --debug output on success', async () => {
    const r = await comment(increase, ['--debug']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/debug: POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments → 201/);
  });

  it('pull request not found or not visible (404)', async () => {
    const r = await runCli(['comment', 'github', '--path', increase, '--repo', 'octo-org/infra', '--pull-request', '99'], env());
    expectOneLineError(r, /pull request octo-org\/infra#99 not found, or the token cannot see it \(404\)/);
    expect(server.comments).toHaveLength(0);
  });

  it('no permission to comment (403)', async () => {
    server.fail({ method: 'POST', path: /\/issues\/7\/comments$/, status: 403, body: ERRORS['403-permission'] });
    const r = await comment(increase);
    expectOneLineError(r, /the token may not comment on octo-org\/infra#7 \(403 Resource not accessible by integration\); .*pull-requests: write/);
    expect(server.comments).toHaveLength(0);
    expect(writes()).toHaveLength(1);
  });

  it('rate limit (429 with retry-after) is waited out, then the comment is posted once', async () => {
    server.fail({ method: 'POST', path: /\/issues\/7\/comments$/, status: 429, headers: { 'retry-after': '1' }, body: ERRORS['403-secondary-rate-limit'] });
    const started = Date.now();
    const r = await comment(increase);
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(writes()).toHaveLength(2);
    expect(ours()).toHaveLength(1);
  });

  it('rate limit (403, x-ratelimit-remaining 0) waits until x-ratelimit-reset', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    server.fail({ method: 'GET', path: /\/pulls\/7$/, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, body: ERRORS['403-rate-limit'] });
    const r = await comment(increase);
    expect(r.code).toBe(0);
    expect(server.requests.filter((q) => /\/pulls\/7$/.test(q.path))).toHaveLength(2);
    expect(ours()).toHaveLength(1);
  });

  it('a rate limit that does not lift gives up after a bounded number of tries', async () => {
    server.fail({ method: 'GET', path: /\/pulls\/7$/, status: 429, headers: { 'retry-after': '0' }, body: ERRORS['403-secondary-rate-limit'], times: 100 });
    const r = await comment(increase);
    expectOneLineError(r, /GitHub API rate limit exceeded \(429\) after 4 attempts/);
    expect(server.requests).toHaveLength(4);
  });

  it('a rate limit resetting too far ahead fails at once, saying when it resets', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    server.fail({ method: 'GET', status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: ERRORS['403-rate-limit'], times: 100 });
    const r = await comment(increase);
    expectOneLineError(r, new RegExp(`rate limit exceeded \\(403\\); it resets at ${new Date(reset * 1000).toISOString()}`));
    expect(server.requests).toHaveLength(1);
  });

  it('502 then success is retried', async () => {
    server.fail({ method: 'GET', path: /\/comments$/, status: 502 });
    const r = await comment(increase);
    expect(r.code).toBe(0);
    expect(ours()).toHaveLength(1);
  });

  it('a 502 after the comment was made does not make a second one', async () => {
    server.fail({ method: 'POST', path: /\/issues\/7\/comments$/, status: 502, afterEffect: true });
    const r = await comment(increase);
    expect(r.code).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(server.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
  });

  it('a 502 before the comment was made is retried once it is clear nothing was posted', async () => {
    server.fail({ method: 'POST', path: /\/issues\/7\/comments$/, status: 502 });
    const r = await comment(increase);
    expect(r.code).toBe(0);
    expect(ours()).toHaveLength(1);
    expect(server.requests.filter((q) => q.method === 'POST')).toHaveLength(2);
  });

  it('a persistent 500 gives up after bounded retries', async () => {
    server.fail({ method: 'GET', path: /\/pulls\/7$/, status: 500, times: 100 });
    const r = await comment(increase);
    expectOneLineError(r, /GitHub API server error 500 after 4 attempts on octo-org\/infra#7/);
    expect(server.requests).toHaveLength(4);
    expect(server.comments).toHaveLength(0);
  });

  it('a persistent 500 on create never leaves a comment behind nor a duplicate', async () => {
    server.fail({ method: 'POST', path: /\/issues\/7\/comments$/, status: 500, times: 100 });
    const r = await comment(increase);
    expectOneLineError(r, /server error 500/);
    expect(server.comments).toHaveLength(0);
    expect(server.requests.filter((q) => q.method === 'POST')).toHaveLength(4);
  });

  it('an unreachable API', async () => {
    const url = server.url;
    await server.stop();
    const r = await runCli(['comment', 'github', '--path', increase, '--repo', 'octo-org/infra', '--pull-request', '7'], {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: url,
      COSTDIFF_GITHUB_RETRY_BASE_MS: '1',
    });
    expectOneLineError(r, /cannot reach the GitHub API at http:\/\/127\.0\.0\.1:\d+ after 4 attempts/);
    expect(r.stderr).not.toContain(TOKEN);
  });

  it('refuses a breakdown JSON and other files, with what to run', async () => {
    const b = await comment(breakdown);
    expectOneLineError(b, /is a costdiff breakdown, not a diff; create the diff with `costdiff diff --format json --out /);
    const plan = await comment(fixture('plans', 'example.json'));
    expectOneLineError(plan, /is not costdiff JSON output/);
    const missing = await comment(join(dir, 'nope.json'));
    expectOneLineError(missing, /no such file or directory/);
    expect(server.requests).toHaveLength(0);
  });
});
