import { jest } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAsync as runCli, type CliResult } from '../../support/cli.js';
import { GithubServer } from '../../support/github-server.js';
import { fixture } from '../../support/repo.js';

// Faults beyond status codes: concurrent runs, dropped connections, stalled requests.
const TOKEN = 'ghs_faultTestToken0000000000000000000000';
let dir: string;
let diffJson: string;
let server: GithubServer;

jest.setTimeout(90_000);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'costdiff-gh-faults-'));
  diffJson = join(dir, 'diff.json');
  const r = await runCli(['diff', '--path', fixture('diff', 'plan-changes.json'), '--format', 'json', '--out', diffJson]);
  expect(r.code).toBe(0);
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

function comment(extra: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['comment', 'github', '--path', diffJson, '--repo', 'octo-org/infra', '--pull-request', '7'], {
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: server.url,
    COSTDIFF_GITHUB_RETRY_BASE_MS: '10',
    ...extra,
  });
}

const ours = () => server.commentsOn(7).filter((c) => c.body.includes('<!-- costdiff -->'));

describe('comment github under faults', () => {
  it('two update runs racing on one pull request end with exactly one comment', async () => {
    // Both runs list the comments before either creates one, so both create.
    server.holdUntil(2, 'GET', /\/issues\/7\/comments$/);
    const [a, b] = await Promise.all([comment(), comment()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(server.requests.filter((r) => r.method === 'POST' && /\/comments$/.test(r.path))).toHaveLength(2);
    expect(ours()).toHaveLength(1);
    // And a third run finds that one comment and leaves it alone.
    const c = await comment();
    expect(c.code).toBe(0);
    expect(c.stderr).toMatch(/up to date/);
    expect(ours()).toHaveLength(1);
  });

  it('a dropped connection is retried, and the comment is made once', async () => {
    server.fail({ method: 'GET', path: /\/pulls\/7$/, status: 0, drop: true });
    const r = await comment();
    expect(r.code).toBe(0);
    expect(ours()).toHaveLength(1);
  });

  it('a request that never answers times out and is retried', async () => {
    server.fail({ method: 'GET', path: /\/issues\/7\/comments$/, status: 0, stall: true });
    const r = await comment({ COSTDIFF_GITHUB_TIMEOUT_S: '1' });
    expect(r.code).toBe(0);
    expect(ours()).toHaveLength(1);
  });

  it('an API that keeps stalling ends with one line and exit 1, no comment', async () => {
    server.fail({ method: 'GET', path: /\/pulls\/7$/, status: 0, stall: true, times: 10 });
    const r = await comment({ COSTDIFF_GITHUB_TIMEOUT_S: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^costdiff: cannot reach the GitHub API at .* after 4 attempts/);
    expect(r.stderr).not.toContain(TOKEN);
    expect(ours()).toHaveLength(0);
  });
});
