import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { fixture } from '../support/repo.js';

interface JsonProject {
  name: string;
  resources: { address: string; monthlyCost: number | null; components: { name: string; monthlyCost: number | null }[] }[];
  totalMonthlyCost: number;
}

function projects(args: string[], cwd?: string): JsonProject[] {
  const r = runCli(['breakdown', ...args, '--format', 'json'], { cwd });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout).projects;
}

describe('projects of a monorepo', () => {
  it('a directory without .tf files of its own: each root module below is a project', () => {
    const found = projects(['--path', 'fixtures/hcl/monorepo']);
    // modules/ are used by the live/ roots and modules/app/examples is an example: neither is a project.
    expect(found.map((p) => p.name)).toEqual(['fixtures/hcl/monorepo/live/prod', 'fixtures/hcl/monorepo/live/staging']);
    expect(found[0].resources.map((r) => r.address)).toEqual(['module.app.aws_instance.this']);
  });

  it('without --path, the projects of costdiff.yml, each with its own usage file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'costdiff-projects-'));
    writeFileSync(
      join(dir, 'costdiff.yml'),
      [
        'version: 1',
        'projects:',
        `  - path: ${fixture('plans', 'example.json')}`,
        '    name: with-usage',
        `    usage_file: ${fixture('plans', 'example-usage.yml')}`,
        `  - path: ${fixture('plans', 'example.json')}`,
        '    name: without-usage',
        '',
      ].join('\n'),
    );
    const [withUsage, withoutUsage] = projects([], dir);
    expect([withUsage.name, withoutUsage.name]).toEqual(['with-usage', 'without-usage']);
    const nat = (p: JsonProject) => p.resources.find((r) => r.address === 'aws_nat_gateway.main')?.components.find((c) => c.name === 'Data processed');
    // 2,000 GB × $0.045 from the project's usage file; the other project has no usage for it.
    expect(nat(withUsage)?.monthlyCost).toBe(90);
    expect(nat(withoutUsage)?.monthlyCost).toBeNull();
  });

  it('says what to do when there is neither --path nor a project list', () => {
    const r = runCli(['breakdown'], { cwd: mkdtempSync(join(tmpdir(), 'costdiff-none-')) });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('costdiff: name what to price with --path (a plan, a .tf directory or a monorepo), or list projects in costdiff.yml');
  });
});
