import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadUsageFile, parseUsage } from '../../src/input/usage.js';

describe('usage files (Infracost format)', () => {
  const usage = parseUsage(
    {
      version: '0.1',
      resource_type_default_usage: { aws_nat_gateway: { monthly_data_processed_gb: 10, a: 1 } },
      resource_usage: {
        'aws_nat_gateway.main': { monthly_data_processed_gb: 500 },
        'module.app.aws_nat_gateway.per_az[*]': { monthly_data_processed_gb: 50 },
        'aws_data_transfer.eu': { region: 'eu-west-1', monthly_outbound_internet_gb: 100 },
      },
    },
    'usage.yml',
  );

  it('merges type defaults, wildcards and exact addresses, most specific last', () => {
    expect(usage.for('aws_nat_gateway.main', 'aws_nat_gateway')).toEqual({ monthly_data_processed_gb: 500, a: 1 });
    expect(usage.for('module.app.aws_nat_gateway.per_az[2]', 'aws_nat_gateway')).toEqual({ monthly_data_processed_gb: 50, a: 1 });
    expect(usage.for('module.app.aws_nat_gateway.per_az["b"]', 'aws_nat_gateway')).toEqual({ monthly_data_processed_gb: 50, a: 1 });
    expect(usage.for('aws_nat_gateway.other', 'aws_nat_gateway')).toEqual({ monthly_data_processed_gb: 10, a: 1 });
    expect(usage.for('aws_eip.x', 'aws_eip')).toEqual({});
  });

  it('lists usage-only pseudo resources', () => {
    expect(usage.pseudoResources('aws_data_transfer')).toEqual([{ address: 'aws_data_transfer.eu', values: { region: 'eu-west-1', monthly_outbound_internet_gb: 100 } }]);
  });

  it('rejects bad files with the file name and the problem', async () => {
    expect(() => parseUsage({ version: '0.2' }, 'u.yml')).toThrow('usage file u.yml: version 0.2 is not supported (expected 0.1)');
    expect(() => parseUsage({ version: '0.1', resource_usage: ['x'] }, 'u.yml')).toThrow('usage file u.yml: resource_usage should be a map of addresses to usage values');
    expect(() => parseUsage({ version: '0.1', resources: {} }, 'u.yml')).toThrow('usage file u.yml: unknown key "resources"');
    const dir = mkdtempSync(join(tmpdir(), 'costdiff-usage-'));
    writeFileSync(join(dir, 'bad.yml'), 'version: 0.1\nresource_usage: [unclosed\n');
    await expect(loadUsageFile(join(dir, 'bad.yml'))).rejects.toThrow(/not valid YAML/);
    await expect(loadUsageFile(join(dir, 'missing.yml'))).rejects.toThrow(/cannot read \(ENOENT\)/);
  });
});
