import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectGolden, runCli } from '../support/cli.js';
import { fixture } from '../support/repo.js';

const plan = 'fixtures/plans/example.json';

describe('costdiff breakdown (end to end)', () => {
  it('prints the table for the bundled example', () => {
    const r = runCli(['breakdown', '--path', plan]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expectGolden('breakdown-example.txt', r.stdout);
  });

  it('prints the JSON contract, with usage', () => {
    const r = runCli(['breakdown', '--path', plan, '--usage-file', 'fixtures/plans/example-usage.yml', '--format', 'json']);
    expect(r.status).toBe(0);
    expectGolden('breakdown-example-usage.json', r.stdout);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe('1');
    expect(doc.pricing).toMatchObject({ snapshot: '2026-07-20', mode: 'offline' });
    const web = doc.projects[0].resources.find((x: { address: string }) => x.address === 'aws_instance.web');
    // 730 × 0.096 = 70.08 plus a 20 GB gp3 root volume: 20 × 0.08 = 1.60
    expect(web.monthlyCost).toBe(71.68);
    expect(web.hourlyCost).toBe(0.098192);
    expect(web.components[0]).toMatchObject({ name: 'Instance usage (Linux/UNIX, on-demand, m5.large)', unit: 'hours', monthlyQuantity: 730, unitPrice: 0.096, monthlyCost: 70.08, usageBased: false });
    // Totals are the sum of the resource costs shown, to the cent.
    const sum = doc.projects[0].resources.reduce((s: number, x: { monthlyCost: number | null }) => s + Math.round((x.monthlyCost ?? 0) * 100), 0);
    expect(Math.round(doc.projects[0].totalMonthlyCost * 100)).toBe(sum);
    expect(doc.projects[0].free.map((f: { type: string }) => f.type)).toEqual(expect.arrayContaining(['aws_vpc', 'aws_subnet', 'aws_security_group', 'aws_launch_template']));
    expect(doc.projects[0].unsupported).toEqual([{ address: 'aws_codebuild_project.ci', type: 'aws_codebuild_project', note: 'AWS bills this type; costdiff does not price it yet' }]);
  });

  it('writes --out and says nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'costdiff-out-'));
    const out = join(dir, 'report.json');
    const r = runCli(['breakdown', '--path', plan, '--format', 'json', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('1');
  });

  describe('bad input gets one clear line and an exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'costdiff-bad-'));
    const cases: [string, () => string[], number, RegExp][] = [
      ['malformed JSON', () => [write('broken.json', '{"format_version": "1.2", "resource_changes": [')], 1, /broken.json: not valid JSON/],
      ['a JSON file that is not a plan', () => [write('package.json', '{"name": "x"}')], 1, /package.json: not a Terraform plan/],
      ['a missing file', () => [join(dir, 'nope.json')], 1, /nope.json: no such file or directory/],
      ['an unknown region', () => [write('region.json', JSON.stringify({ format_version: '1.2', resource_changes: [], configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'mars-1' } } } } } }))], 1, /unknown AWS region "mars-1"/],
      ['an unreadable usage file', () => [plan, '--usage-file', join(dir, 'missing.yml')], 1, /usage file .*missing.yml: cannot read/],
      ['a bad --region', () => [write('noregion.json', JSON.stringify({ format_version: '1.2', resource_changes: [] })), '--region', 'moon-2'], 1, /--region: unknown AWS region "moon-2"/],
    ];
    function write(name: string, text: string): string {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    }
    it.each(cases)('%s', (_name, args, code, message) => {
      const r = runCli(['breakdown', '--path', ...args()]);
      expect(r.status).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    });

    it('--debug adds the stack trace, naming the TypeScript sources through the source maps', () => {
      const r = runCli(['breakdown', '--path', write('noaddress.json', '{"format_version": "1.2", "resource_changes": [{"type": "aws_instance"}]}'), '--debug']);
      expect(r.status).toBe(1);
      const [first, ...trace] = r.stderr.trim().split('\n');
      expect(first).toMatch(/noaddress.json: resource_changes has an entry without address\/type/);
      expect(trace.join('\n')).toMatch(/at readPlanJson \(.*\/src\/input\/plan\.ts:\d+:\d+\)/);
    });

    it('bad flags exit 2', () => {
      const unknownFlag = runCli(['breakdown', '--path', plan, '--colour']);
      expect(unknownFlag.status).toBe(2);
      const badFormat = runCli(['breakdown', '--path', plan, '--format', 'pdf']);
      expect(badFormat.status).toBe(2);
      expect(badFormat.stderr.trim()).toBe('costdiff: --format must be one of table, json, html; got "pdf"');
      const noPath = runCli(['breakdown']);
      expect(noPath.status).toBe(2);
      const noCommand = runCli([]);
      expect(noCommand.status).toBe(2);
    });
  });

  describe('binary plans', () => {
    const dir = mkdtempSync(join(tmpdir(), 'costdiff-binary-'));
    const planFile = join(dir, 'plan.tfplan');
    // A binary plan is a zip archive: the reader recognises it by its magic bytes.
    writeFileSync(planFile, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a plan')]));

    it('converts it with terraform show -json when terraform is on PATH', () => {
      const bin = join(dir, 'bin');
      const fake = join(bin, 'terraform');
      mkdirSync(bin, { recursive: true });
      // Stands in for terraform: prints the example plan JSON for `show -json <file>`.
      writeFileSync(fake, `#!/bin/sh\n[ "$1" = show ] && [ "$2" = -json ] && exec cat "${fixture('plans', 'example.json')}"\nexit 1\n`);
      chmodSync(fake, 0o755);
      const r = runCli(['breakdown', '--path', planFile, '--format', 'json'], { env: { PATH: `${bin}:/usr/bin:/bin` } });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).totalMonthlyCost).toBe(481.91);
    });

    it('says what to do when terraform is missing', () => {
      const r = runCli(['breakdown', '--path', planFile], { env: { PATH: join(dir, 'empty') } });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(`costdiff: ${planFile} is a binary Terraform plan; reading it needs terraform on PATH (or pass the output of \`terraform show -json\`)`);
    });
  });
});
