import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

const plan = 'fixtures/plans/example.json';
const ranges = 'fixtures/plans/example-usage-ranges.yml';

type Doc = { projects: { resources: { address: string; monthlyCost: number | null; monthlyCostRange?: unknown; components: { name: string; monthlyCost: number | null; monthlyCostRange?: unknown }[] }[]; totalMonthlyCost: number; totalMonthlyCostRange?: unknown }[]; totalMonthlyCost: number; totalMonthlyCostRange?: unknown };

describe('usage ranges (end to end)', () => {
  it('breakdown --format json gives monthlyCostRange where the usage file has { low, high }', () => {
    const r = runCli(['breakdown', '--path', plan, '--usage-file', ranges, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    const [p] = doc.projects;
    const nat = p.resources.find((x) => x.address === 'aws_nat_gateway.main')!;
    // 730 h × $0.045 = 32.85; data processed 100 GB × $0.045 = 4.50 to 400 GB × $0.045 = 18.00, no expected.
    expect(nat.monthlyCost).toBe(32.85);
    expect(nat.monthlyCostRange).toEqual({ low: 37.35, high: 50.85 });
    expect(nat.components.find((c) => c.name === 'Data processed')).toMatchObject({ monthlyCost: null, monthlyCostRange: { low: 4.5, high: 18 } });
    // SQS at $0.40 per 1M requests: expected 2M = 0.80, low 1M = 0.40, high 5M = 2.00.
    const sqs = p.resources.find((x) => x.address === 'aws_sqs_queue.jobs')!;
    expect([sqs.monthlyCost, sqs.monthlyCostRange]).toEqual([0.8, { low: 0.4, high: 2 }]);
    // Resources without ranged usage have no range field.
    expect(p.resources.filter((x) => 'monthlyCostRange' in x).map((x) => x.address)).toEqual(['aws_nat_gateway.main', 'aws_sqs_queue.jobs']);

    // The same plan without a usage file, plus what the usage adds at each figure.
    const plain = JSON.parse(runCli(['breakdown', '--path', plan, '--format', 'json']).stdout) as Doc;
    const base = Math.round(plain.totalMonthlyCost * 100);
    expect(Math.round(doc.totalMonthlyCost * 100)).toBe(base + 80);
    expect(doc.totalMonthlyCostRange).toEqual({ low: (base + 450 + 40) / 100, high: (base + 1800 + 200) / 100 });
    expect(p.totalMonthlyCostRange).toEqual(doc.totalMonthlyCostRange);
    expect(plain.totalMonthlyCostRange).toBeUndefined();
  });

  it('diff --format json carries past, planned and delta ranges', () => {
    const r = runCli(['diff', '--path', 'fixtures/diff/plan-changes.json', '--usage-file', ranges, '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const toCents = (x: { low: number; high: number }) => [Math.round(x.low * 100), Math.round(x.high * 100)];
    // Pointwise: each bound of the delta is planned − past at that bound.
    expect(toCents(doc.deltaRange)).toEqual([toCents(doc.plannedRange)[0] - toCents(doc.pastRange)[0], toCents(doc.plannedRange)[1] - toCents(doc.pastRange)[1]]);
    // The NAT gateway is unchanged (same range both sides); the new SQS queue adds 0.40 to 2.00.
    const sqs = doc.projects[0].resources.find((x: { address: string }) => x.address === 'aws_sqs_queue.jobs');
    expect([sqs.action, sqs.deltaMonthlyCost, sqs.deltaMonthlyCostRange]).toEqual(['create', 0.8, { low: 0.4, high: 2 }]);
    expect(Math.round((doc.deltaRange.low - doc.delta) * 100)).toBe(-40);
    expect(Math.round((doc.deltaRange.high - doc.delta) * 100)).toBe(120);
  });

  it('reads ranges from costdiff.yml usage:, under a usage file that overrides it per key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'costdiff-config-ranges-'));
    const planPath = join(process.cwd(), plan);
    writeFileSync(
      join(dir, 'costdiff.yml'),
      [
        'version: 1',
        'usage:',
        '  resource_type_default_usage:',
        '    aws_sqs_queue: { monthly_requests: { low: 1000000, high: 5000000 } }',
        '  resource_usage:',
        '    aws_nat_gateway.main:',
        '      monthly_data_processed_gb: { low: 100, high: 400, expected: 200 }',
        '',
      ].join('\n'),
    );
    const r = runCli(['breakdown', '--path', planPath, '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [p] = (JSON.parse(r.stdout) as Doc).projects;
    const nat = p.resources.find((x) => x.address === 'aws_nat_gateway.main')!;
    // 730 h × $0.045 = 32.85, plus 200 GB × $0.045 = 9.00 (100 GB: 4.50, 400 GB: 18.00).
    expect([nat.monthlyCost, nat.monthlyCostRange]).toEqual([41.85, { low: 37.35, high: 50.85 }]);
    // A type default from the config: no expected figure, so only the range ($0.40 per 1M).
    const sqs = p.resources.find((x) => x.address === 'aws_sqs_queue.jobs')!;
    expect([sqs.monthlyCost, sqs.monthlyCostRange]).toEqual([null, { low: 0.4, high: 2 }]);

    // A usage file on top: its exact entry wins for the keys it names.
    writeFileSync(join(dir, 'usage.yml'), 'version: 0.1\nresource_usage:\n  aws_sqs_queue.jobs: { monthly_requests: 3000000 }\n');
    const layered = runCli(['breakdown', '--path', planPath, '--usage-file', 'usage.yml', '--format', 'json'], { cwd: dir });
    expect(layered.status).toBe(0);
    const [q] = (JSON.parse(layered.stdout) as Doc).projects;
    const sqs2 = q.resources.find((x) => x.address === 'aws_sqs_queue.jobs')!;
    expect([sqs2.monthlyCost, sqs2.monthlyCostRange]).toEqual([1.2, undefined]);
    // The NAT gateway keeps the config's range.
    expect(q.resources.find((x) => x.address === 'aws_nat_gateway.main')!.monthlyCostRange).toEqual({ low: 37.35, high: 50.85 });
  });

  it('rejects a bad range in costdiff.yml with the key and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'costdiff-config-ranges-'));
    writeFileSync(join(dir, 'costdiff.yml'), 'version: 1\nusage:\n  resource_usage:\n    aws_nat_gateway.main:\n      monthly_data_processed_gb: { low: 500, high: 2 }\n');
    const r = runCli(['breakdown', '--path', join(process.cwd(), plan)], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('costdiff: costdiff.yml: usage: aws_nat_gateway.main: monthly_data_processed_gb: low (500) is above high (2) (line 4)');
  });

  it('rejects a bad range with the file, address and key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'costdiff-ranges-'));
    const bad = join(dir, 'usage.yml');
    writeFileSync(bad, 'version: 0.1\nresource_usage:\n  aws_nat_gateway.main:\n    monthly_data_processed_gb: { low: "x", high: 2 }\n');
    const r = runCli(['breakdown', '--path', plan, '--usage-file', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`usage file ${bad}: aws_nat_gateway.main: monthly_data_processed_gb: low should be a number, got "x"`);
  });
});
