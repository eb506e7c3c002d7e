import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadUsageFile, parseUsage } from '../../src/input/usage.js';

const file = (resourceUsage: Record<string, unknown>, defaults: Record<string, unknown> = {}) =>
  parseUsage({ version: '0.1', resource_usage: resourceUsage, resource_type_default_usage: defaults }, 'u.yml');

describe('usage ranges ({ low, high } usage values)', () => {
  const usage = file(
    {
      'aws_nat_gateway.main': { monthly_data_processed_gb: { low: 100, high: 400 } },
      'aws_lambda_function.api': { monthly_requests: { low: 1e6, high: 5e6, expected: 2e6 }, request_duration_ms: 100 },
      'aws_data_transfer.out': { monthly_outbound_region_gb: { 'eu-west-1': { low: 10, high: 20 }, 'us-west-2': 5 } },
    },
    { aws_sqs_queue: { monthly_requests: 1000 } },
  );

  it('resolves each range to the bound asked for, and to expected (or nothing) for the point figure', () => {
    expect(usage.hasRanges()).toBe(true);
    expect(usage.for('aws_nat_gateway.main', 'aws_nat_gateway', 'low')).toEqual({ monthly_data_processed_gb: 100 });
    expect(usage.for('aws_nat_gateway.main', 'aws_nat_gateway', 'high')).toEqual({ monthly_data_processed_gb: 400 });
    // No expected figure: the point run does not invent one (the midpoint would be a guess).
    expect(usage.for('aws_nat_gateway.main', 'aws_nat_gateway')).toEqual({});
    expect(usage.for('aws_lambda_function.api', 'aws_lambda_function')).toEqual({ monthly_requests: 2e6, request_duration_ms: 100 });
    expect(usage.for('aws_lambda_function.api', 'aws_lambda_function', 'high')).toEqual({ monthly_requests: 5e6, request_duration_ms: 100 });
    expect(usage.for('aws_data_transfer.out', 'aws_data_transfer', 'low')).toEqual({ monthly_outbound_region_gb: { 'eu-west-1': 10, 'us-west-2': 5 } });
    expect(usage.for('aws_data_transfer.out', 'aws_data_transfer')).toEqual({ monthly_outbound_region_gb: { 'us-west-2': 5 } });
    expect(usage.for('aws_sqs_queue.q', 'aws_sqs_queue', 'low')).toEqual({ monthly_requests: 1000 });
  });

  it('a file without ranges has none', () => {
    expect(file({ 'aws_nat_gateway.main': { monthly_data_processed_gb: 100 } }).hasRanges()).toBe(false);
  });

  it('rejects bad ranges naming the file, the address and the key', () => {
    const bad = (value: unknown) => () => file({ 'aws_nat_gateway.main': { monthly_data_processed_gb: value } });
    expect(bad({ low: 5, high: 1 })).toThrow('usage file u.yml: aws_nat_gateway.main: monthly_data_processed_gb: low (5) is above high (1)');
    expect(bad({ low: 'x' })).toThrow('usage file u.yml: aws_nat_gateway.main: monthly_data_processed_gb: low should be a number, got "x"');
    expect(bad({ low: 1 })).toThrow('usage file u.yml: aws_nat_gateway.main: monthly_data_processed_gb: high should be a number, got nothing');
    expect(bad({ low: 1, high: 1e308 })).toThrow('monthly_data_processed_gb: high should be a number, got 1e+308');
    expect(bad({ low: 1, high: 2, mid: 1.5 })).toThrow('monthly_data_processed_gb: a range has only low, high and expected (got "mid")');
    expect(bad({ low: 1, high: 2, expected: 3 })).toThrow('monthly_data_processed_gb: expected (3) is outside low – high (1 – 2)');
    // Nested keys and type defaults are checked too.
    expect(() => file({ 'aws_data_transfer.x': { monthly_outbound_region_gb: { 'eu-west-1': { low: 3, high: 2 } } } })).toThrow(
      'usage file u.yml: aws_data_transfer.x: monthly_outbound_region_gb.eu-west-1: low (3) is above high (2)',
    );
    expect(() => file({}, { aws_lambda_function: { monthly_requests: { low: null, high: 2 } } })).toThrow('aws_lambda_function: monthly_requests: low should be a number, got null');
  });

  it('reads ranges from YAML, flow style and exponents included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costdiff-ranges-'));
    const path = join(dir, 'usage.yml');
    writeFileSync(path, 'version: 0.1\nresource_usage:\n  aws_lambda_function.api:\n    monthly_requests: {low: 1e6, high: 5e6}\n');
    const u = await loadUsageFile(path);
    expect(u.for('aws_lambda_function.api', 'aws_lambda_function', 'low')).toEqual({ monthly_requests: 1e6 });
    expect(u.for('aws_lambda_function.api', 'aws_lambda_function', 'high')).toEqual({ monthly_requests: 5e6 });
    writeFileSync(path, 'version: 0.1\nresource_usage:\n  aws_lambda_function.api:\n    monthly_requests: {low: 5, high: 1}\n');
    await expect(loadUsageFile(path)).rejects.toThrow(`usage file ${path}: aws_lambda_function.api: monthly_requests: low (5) is above high (1)`);
  });
});
