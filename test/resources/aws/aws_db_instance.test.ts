import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1 (RDS feed 2024-09-28): MySQL db.m5.large Single-AZ $0.171/h; PostgreSQL db.t3.large
// Multi-AZ $0.29/h; storage gp2/gp3 $0.115 (Single-AZ), $0.23 (Multi-AZ); io1 $0.125 + $0.10 per IOPS;
// gp3 extra IOPS $0.02 and throughput $0.08 (Single-AZ); backup $0.095 per GB-month.
describe('aws_db_instance', () => {
  it('MySQL db.m5.large single-AZ with 100 GB gp2', async () => {
    const r = await estimateOne('aws_db_instance', { engine: 'mysql', instance_class: 'db.m5.large', allocated_storage: 100 });
    // 730 × 0.171 = 124.83; 100 × 0.115 = 11.50
    expect(cost(component(r, /^Database instance/).monthlyCost)).toBe('124.83');
    expect(cost(component(r, 'Storage (gp2)').monthlyCost)).toBe('11.50');
    expect(cost(r.monthlyCost)).toBe('136.33');
  });

  it('PostgreSQL multi-AZ gp3 with backup usage', async () => {
    const r = await estimateOne(
      'aws_db_instance',
      { engine: 'postgres', instance_class: 'db.t3.large', multi_az: true, allocated_storage: 100, storage_type: 'gp3' },
      { additional_backup_storage_gb: 50 },
    );
    // 730 × 0.29 = 211.70; 100 × 0.23 = 23.00; 50 × 0.095 = 4.75
    expect(cost(r.monthlyCost)).toBe('239.45');
  });

  it('io1 storage bills provisioned IOPS', async () => {
    const r = await estimateOne('aws_db_instance', { engine: 'mysql', instance_class: 'db.m5.large', allocated_storage: 100, storage_type: 'io1', iops: 1000 });
    // 124.83 + 100 × 0.125 = 12.50 + 1000 × 0.10 = 100.00
    expect(cost(r.monthlyCost)).toBe('237.33');
  });

  it('gp3 above the baseline bills the extra IOPS and throughput', async () => {
    const r = await estimateOne('aws_db_instance', {
      engine: 'mysql', instance_class: 'db.m5.large', allocated_storage: 500, storage_type: 'gp3', iops: 15000, storage_throughput: 600,
    });
    // 124.83 + 500 × 0.115 = 57.50 + (15000 − 12000) × 0.02 = 60.00 + (600 − 500) × 0.08 = 8.00
    expect(cost(component(r, 'Provisioned IOPS above 12000').monthlyCost)).toBe('60.00');
    expect(cost(component(r, 'Provisioned throughput above 500 MiB/s').monthlyCost)).toBe('8.00');
    expect(cost(r.monthlyCost)).toBe('250.33');
  });

  it('engines without snapshot prices are unpriced with the reason', async () => {
    const r = await estimateOne('aws_db_instance', { engine: 'sqlserver-se', instance_class: 'db.m5.xlarge', allocated_storage: 100 });
    expect(r.unpriced[0].component).toBe('Database instance (on-demand, Single-AZ, db.m5.xlarge)');
    const bad = await estimateOne('aws_db_instance', { engine: 'mongodb', instance_class: 'db.m5.large', allocated_storage: 10 });
    expect(bad.unpriced[0].reason).toMatch(/engine "mongodb"/);
  });
});
