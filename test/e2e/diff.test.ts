import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from '../../src/core/decimal.js';
import { runCli as runCliSync, runCliAsync as runCli, type CliResult } from '../support/cli.js';
import { fixture } from '../support/repo.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'costdiff-e2e-diff-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectOneLineError(r: CliResult, code: number, pattern: RegExp): void {
  expect(r.code).toBe(code);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

const money = (n: number) => Decimal.fromNumber(n);

describe('costdiff diff, a plan alone', () => {
  it('table: changed resources with symbols, unchanged as a count, totals, unpriced, pricing date', async () => {
    const r = await runCli(['diff', '--path', fixture('diff', 'plan-changes.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^~\s+aws_instance\.web\s+\$71\.68\s+→\s+\$141\.76\s+\(\+\$70\.08\)/m);
    expect(r.stdout).toMatch(/^-\s+aws_ebs_volume\.logs\s+\$5\.00\s+→\s+–\s+\(-\$5\.00\)/m);
    expect(r.stdout).toMatch(/^\+\s+aws_eip\.new\s+–\s+→\s+\$3\.65\s+\(\+\$3\.65\)/m);
    expect(r.stdout).toMatch(/^-\/\+\s+module\.db\.aws_db_instance\.main\s+\$64\.06\s+→\s+\$117\.35/m);
    expect(r.stdout).not.toMatch(/aws_nat_gateway\.main/);
    expect(r.stdout).toContain('1 priced resource unchanged');
    expect(r.stdout).toContain('aws_instance.worker: cost depends on instance_type, which is not known until apply');
    expect(r.stdout).toMatch(/OVERALL \(monthly\)\s+\$173\.59 → \$295\.61 \(\+\$122\.02, \+70\.3 %\)/);
    expect(r.stdout).toMatch(/offline snapshot \d{4}-\d{2}-\d{2}/);
  });

  it('json: the contract, with exact totals', async () => {
    const r = await runCli(['diff', '--path', fixture('diff', 'plan-changes.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: '1', currency: 'USD', pricing: { mode: 'offline' } });
    expect(Object.keys(doc)).toEqual(['version', 'currency', 'pricing', 'projects', 'past', 'planned', 'delta', 'totalMonthlyCost', 'recommendations']);
    const [p] = doc.projects;
    expect(Object.keys(p)).toEqual(['name', 'path', 'region', 'resources', 'free', 'unsupported', 'past', 'planned', 'delta', 'totalMonthlyCost']);
    const web = p.resources.find((x: { address: string }) => x.address === 'aws_instance.web');
    expect(web).toMatchObject({ action: 'update', monthlyCost: 141.76, pastMonthlyCost: 71.68, plannedMonthlyCost: 141.76, deltaMonthlyCost: 70.08 });
    expect(web.pastBreakdown.components[0].name).toMatch(/m5\.large/);
    const logs = p.resources.find((x: { address: string }) => x.address === 'aws_ebs_volume.logs');
    expect(logs).toMatchObject({ action: 'delete', monthlyCost: 5, pastMonthlyCost: 5, plannedMonthlyCost: 0, deltaMonthlyCost: -5 });
    expect(p.resources.find((x: { address: string }) => x.address === 'aws_instance.worker')).toMatchObject({ monthlyCost: null, unpriced: [{ component: 'all' }] });
    const sum = (key: string) => Decimal.sum(p.resources.map((x: Record<string, number>) => money(x[key])));
    expect(sum('pastMonthlyCost').eq(money(p.past))).toBe(true);
    expect(sum('plannedMonthlyCost').eq(money(p.planned))).toBe(true);
    expect(money(doc.delta).eq(money(doc.planned).minus(money(doc.past)))).toBe(true);
    expect(doc.totalMonthlyCost).toBe(doc.planned);
  });

  it('markdown to --out', async () => {
    const out = join(dir, 'comment.md');
    const r = await runCli(['diff', '--path', fixture('diff', 'plan-decrease.json'), '--format', 'markdown', '--out', out, '--tag', 'staging']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    const body = await readFile(out, 'utf8');
    expect(body.split('\n')[0]).toBe('<!-- costdiff:staging -->');
    expect(body).toContain('This pull request saves **$58.29 per month** (-37.6 %)');
  });
});

describe('costdiff diff --compare-to', () => {
  it('a plan JSON baseline', async () => {
    const r = await runCli(['diff', '--path', fixture('diff', 'proposed.json'), '--compare-to', fixture('diff', 'baseline.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const actions = Object.fromEntries(doc.projects[0].resources.map((x: { address: string; action: string }) => [x.address, x.action]));
    expect(actions).toEqual({
      'aws_ebs_volume.logs': 'delete',
      'aws_eip.new': 'create',
      'aws_instance.web': 'update',
      'aws_nat_gateway.main': 'no-op',
      'module.db.aws_db_instance.main': 'update',
    });
    expect(doc).toMatchObject({ past: 173.59, planned: 295.61, delta: 122.02 });
  });

  it('costdiff JSON baselines: a breakdown and a diff', async () => {
    const breakdown = join(dir, 'base-breakdown.json');
    const diff = join(dir, 'base-diff.json');
    expect((await runCli(['breakdown', '--path', fixture('diff', 'baseline.json'), '--format', 'json', '--out', breakdown])).code).toBe(0);
    expect((await runCli(['diff', '--path', fixture('diff', 'baseline.json'), '--format', 'json', '--out', diff])).code).toBe(0);
    const direct = JSON.parse((await runCli(['diff', '--path', fixture('diff', 'proposed.json'), '--compare-to', fixture('diff', 'baseline.json'), '--format', 'json'])).stdout);
    for (const base of [breakdown, diff]) {
      const r = await runCli(['diff', '--path', fixture('diff', 'proposed.json'), '--compare-to', base, '--format', 'json']);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect([doc.past, doc.planned, doc.delta]).toEqual([direct.past, direct.planned, direct.delta]);
      expect(doc.projects[0].resources.map((x: { action: string }) => x.action)).toEqual(direct.projects[0].resources.map((x: { action: string }) => x.action));
    }
  });

  it('a missing baseline and a bad format are one line each', async () => {
    expectOneLineError(await runCli(['diff', '--path', fixture('diff', 'proposed.json'), '--compare-to', join(dir, 'nope.json')]), 1, /--compare-to .*nope\.json: no such file or directory/);
    const badFormat = await runCli(['diff', '--path', fixture('diff', 'proposed.json'), '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/format/);
    expectOneLineError(await runCli(['diff', '--path', fixture('diff', 'proposed.json'), '--tag', 'a b']), 2, /--tag may only contain/);
  });
});

describe('costdiff diff --compare-to git:<ref>', () => {
  const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' });
  let repo: string;

  beforeAll(async () => {
    repo = join(dir, 'repo');
    await mkdir(join(repo, 'infra'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    await copyFile(fixture('diff', 'baseline.json'), join(repo, 'plan.json'));
    await writeFile(join(repo, 'infra', 'main.tf'), 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_instance" "web" {\n  ami           = "ami-0c55b159cbfafe1f0"\n  instance_type = "m5.large"\n}\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'baseline');
    await copyFile(fixture('diff', 'proposed.json'), join(repo, 'plan.json'));
    await writeFile(join(repo, 'infra', 'main.tf'), 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_instance" "web" {\n  ami           = "ami-0c55b159cbfafe1f0"\n  instance_type = "m5.xlarge"\n}\n');
    await writeFile(join(repo, 'new-plan.json'), await readFile(fixture('diff', 'proposed.json')));
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'proposed');
  });

  it('prices the same plan file at the ref, without touching the working tree', async () => {
    const r = await runCli(['diff', '--path', 'plan.json', '--compare-to', 'git:HEAD~1', '--format', 'json'], {}, repo);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const doc = JSON.parse(r.stdout);
    expect(doc.projects[0].name).toBe('plan.json');
    expect(doc).toMatchObject({ past: 173.59, planned: 295.61, delta: 122.02 });
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  it('a .tf directory at the ref, from a subdirectory', async () => {
    const r = await runCli(['diff', '--path', '.', '--compare-to', 'git:main~1'], {}, join(repo, 'infra'));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/~\s+aws_instance\.web\s+\$70\.88\s+→\s+\$140\.96\s+\(\+\$70\.08\)/);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('clear errors: unknown ref, path missing at the ref, not a git repository', async () => {
    expectOneLineError(await runCli(['diff', '--path', 'plan.json', '--compare-to', 'git:origin/nope'], {}, repo), 1, /git ref origin\/nope not found/);
    expectOneLineError(await runCli(['diff', '--path', 'new-plan.json', '--compare-to', 'git:HEAD~1'], {}, repo), 1, /new-plan\.json does not exist at git ref HEAD~1/);
    const plain = join(dir, 'plain');
    await mkdir(plain, { recursive: true });
    await copyFile(fixture('diff', 'proposed.json'), join(plain, 'plan.json'));
    expectOneLineError(await runCli(['diff', '--path', 'plan.json', '--compare-to', 'git:HEAD'], { GIT_CEILING_DIRECTORIES: dir }, plain), 1, /plan\.json is not inside a git repository/);
  });
});

describe('costdiff diff savings', () => {
  it('points out savings for what the change adds, in JSON, and carries them into the PR comment', () => {
    const json = runCliSync(['diff', '--path', 'fixtures/diff/plan-changes.json', '--format', 'json']);
    const doc = JSON.parse(json.stdout);
    // aws_instance.web becomes an m5.xlarge ($0.192/h); the Graviton m6g.xlarge is $0.154/h:
    // (0.192 − 0.154) × 730 = 27.74 a month.
    expect(doc.recommendations).toEqual([
      { address: 'aws_instance.web', change: 'm5.xlarge → m6g.xlarge', monthlySaving: 27.74, detail: expect.stringContaining('Graviton') },
    ]);
  });
});
