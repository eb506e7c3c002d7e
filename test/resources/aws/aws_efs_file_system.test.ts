import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1 EFS (efs.json feed, 2025-09-25): Standard $0.30, Infrequent Access $0.025 (Bursting and
// Provisioned) or $0.016 (Elastic), Archive $0.008, One Zone $0.16, One Zone-IA $0.0133 per
// GB-month; IA reads and tiering $0.01/GB; Archive reads and tiering $0.03/GB; Elastic reads
// $0.03/GB, writes $0.06/GB; provisioned throughput $6 per MiBps-month.
describe('aws_efs_file_system', () => {
  it('Standard storage from usage', async () => {
    const r = await estimateOne('aws_efs_file_system', {}, { storage_gb: 500 });
    // 500 × 0.30 = 150.00
    expect(r.components.map((c) => c.name)).toEqual(['Storage (Standard)']);
    expect(cost(r.monthlyCost)).toBe('150.00');
  });

  it('lifecycle to IA under bursting throughput: the older IA price and access charges', async () => {
    const r = await estimateOne(
      'aws_efs_file_system',
      { lifecycle_policy: [{ transition_to_ia: 'AFTER_30_DAYS' }] },
      { storage_gb: 100, infrequent_access_storage_gb: 1000, monthly_infrequent_access_read_gb: 50, monthly_infrequent_access_write_gb: 200 },
    );
    // 100 × 0.30 = 30.00; 1,000 × 0.025 = 25.00; 50 × 0.01 = 0.50; 200 × 0.01 = 2.00
    expect(cost(component(r, 'Storage (Infrequent Access)').monthlyCost)).toBe('25.00');
    expect(cost(r.monthlyCost)).toBe('57.50');
  });

  it('Elastic Throughput: cheaper IA, Archive, and per-GB reads and writes', async () => {
    const r = await estimateOne(
      'aws_efs_file_system',
      { throughput_mode: 'elastic', lifecycle_policy: [{ transition_to_ia: 'AFTER_30_DAYS' }, { transition_to_archive: 'AFTER_90_DAYS' }] },
      { storage_gb: 100, infrequent_access_storage_gb: 1000, archive_storage_gb: 5000, monthly_elastic_read_gb: 100, monthly_elastic_write_gb: 10 },
    );
    // 30.00 + 1,000 × 0.016 = 16.00 + 5,000 × 0.008 = 40.00 + 100 × 0.03 = 3.00 + 10 × 0.06 = 0.60
    expect(cost(component(r, 'Storage (Infrequent Access)').monthlyCost)).toBe('16.00');
    expect(cost(component(r, 'Storage (Archive)').monthlyCost)).toBe('40.00');
    expect(cost(r.monthlyCost)).toBe('89.60');
  });

  it('One Zone storage classes', async () => {
    const r = await estimateOne('aws_efs_file_system', { availability_zone_name: 'us-east-1a', lifecycle_policy: [{ transition_to_ia: 'AFTER_7_DAYS' }] }, { storage_gb: 100, infrequent_access_storage_gb: 300 });
    // 100 × 0.16 = 16.00; 300 × 0.0133 = 3.99
    expect(cost(component(r, 'Storage (One Zone)').monthlyCost)).toBe('16.00');
    expect(cost(component(r, 'Storage (One Zone-Infrequent Access)').monthlyCost)).toBe('3.99');
  });

  it('provisioned throughput above what the storage includes', async () => {
    const r = await estimateOne('aws_efs_file_system', { throughput_mode: 'provisioned', provisioned_throughput_in_mibps: 10 }, { storage_gb: 100 });
    // 10 − 100 / 20 = 5 MiB/s × 6 = 30.00; storage 30.00
    expect(cost(component(r, 'Provisioned throughput').monthlyCost)).toBe('30.00');
    expect(cost(r.monthlyCost)).toBe('60.00');
    const noUsage = await estimateOne('aws_efs_file_system', { throughput_mode: 'provisioned', provisioned_throughput_in_mibps: 10 });
    // 10 × 6 = 60.00, said to include nothing for storage
    expect(cost(component(noUsage, 'Provisioned throughput').monthlyCost)).toBe('60.00');
    expect(noUsage.assumptions[0]).toMatch(/storage_gb is not given/);
  });
});
