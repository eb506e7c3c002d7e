import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GithubServer } from '../support/github-server.js';
import { fixture, repoRoot } from '../support/repo.js';

/**
 * Runs the shell steps of action.yml as GitHub Actions would (inputs and `github.*` filled in,
 * RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY set), against the local GitHub API stand-in.
 * setup-node and `npm ci` are left out: the tests run on the build they are part of.
 */

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  if?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

const action = parse(await readFile(join(repoRoot(), 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; steps: Step[] };
};

function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    if (expr === 'github.action_path') return repoRoot();
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) return inputs[input[1]] ?? '';
    throw new Error(`expression not handled by this test: ${expr}`);
  });
}

function bash(script: string, env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
let server: GithubServer;
const TOKEN = 'ghs_actionTokenValue_0123456789';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'costdiff-action-'));
  server = await new GithubServer({ token: TOKEN, pulls: [12] }).start();
});

afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('action.yml', () => {
  it('is a composite action on Node 20 whose github-token defaults to the workflow token', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]).toMatchObject({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    expect(action.runs.steps[1]).toMatchObject({ 'working-directory': '${{ github.action_path }}', run: expect.stringMatching(/npm ci/) });
    expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
    for (const name of ['path', 'compare-to', 'usage-file', 'behavior', 'pricing-cache']) expect(action.inputs[name]).toBeDefined();
  });

  it('prices the plan, writes outputs and the job summary, and comments once (twice run: still one)', async () => {
    const inputs: Record<string, string> = {};
    for (const [k, v] of Object.entries(action.inputs)) if (v.default !== undefined) inputs[k] = v.default;
    Object.assign(inputs, { path: fixture('diff', 'plan-changes.json'), tag: 'infra', 'github-token': TOKEN });
    const event = join(dir, 'event.json');
    await writeFile(event, JSON.stringify({ action: 'opened', number: 12, pull_request: { number: 12 } }));
    const runnerEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_REPOSITORY: 'octo-org/infra',
      GITHUB_EVENT_PATH: event,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_API_URL: server.url,
    };
    for (let round = 0; round < 2; round++) {
      // `if:` conditions on inputs (inputs.comment == 'true', inputs.check == 'true') are honoured.
      const enabled = (s: Step) => [...(s.if ?? '').matchAll(/inputs\.([\w-]+) == 'true'/g)].every((m) => inputs[m[1]] === 'true');
      for (const step of action.runs.steps.filter((s) => s.run && !/npm ci/.test(s.run) && enabled(s))) {
        const env = { ...runnerEnv };
        for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, inputs);
        const r = await bash(step.run!, env, repoRoot());
        expect(r.stderr).not.toContain(TOKEN);
        expect(r.stdout).not.toContain(TOKEN);
        expect({ step: step.name, code: r.code, stderr: r.stderr }).toMatchObject({ code: 0 });
      }
    }
    const outputs = await readFile(join(dir, 'output'), 'utf8');
    expect(outputs).toContain(`diff-json=${join(dir, 'costdiff', 'diff.json')}`);
    const markdown = await readFile(join(dir, 'costdiff', 'comment.md'), 'utf8');
    expect(markdown.split('\n')[0]).toBe('<!-- costdiff:infra -->');
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toContain('This pull request adds');
    const posted = server.commentsOn(12);
    expect(posted).toHaveLength(1);
    expect(posted[0].body).toBe(markdown);
    expect(server.requests.filter((q) => q.method !== 'GET').map((q) => q.method)).toEqual(['POST']);
  });
});
