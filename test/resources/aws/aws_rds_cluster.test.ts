import { estimateOne } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// Aurora is not in the snapshot (pricing-sources README: "RDS for Aurora … not found"), so every
// line is asked for in Price List terms and reported unpriced offline. Quantities are checked
// on the cost specification the resource returns.
describe('aws_rds_cluster', () => {
  it('Aurora Standard: storage and I/O from usage, asked in Price List terms', () => {
    const s = specOf('aws_rds_cluster', { engine: 'aurora-mysql' }, { storage_gb: 200, read_requests_per_sec: 50, write_requests_per_sec: 25 });
    const storage = line(s, 'Storage');
    expect(storage.price).toMatchObject({ service: 'AmazonRDS', productFamily: 'Database Storage', attributes: { usagetype: 'Aurora:StorageUsage' } });
    expect(monthly(storage)).toBe('200');
    const io = line(s, 'I/O requests');
    expect(io.price).toMatchObject({ productFamily: 'System Operation', attributes: { usagetype: 'Aurora:StorageIOUsage' } });
    // (50 + 25) I/Os per second × 3,600 s × 730 h = 197,100,000
    expect(monthly(io)).toBe('197100000');
  });

  it('I/O-Optimized storage has no per-I/O line', () => {
    const s = specOf('aws_rds_cluster', { engine: 'aurora-postgresql', storage_type: 'aurora-iopt1' }, { storage_gb: 10 });
    expect(s.components.map((c) => c.name)).toEqual(['Storage (I/O-Optimized)']);
    expect(s.components[0].price.attributes.usagetype).toBe('Aurora:IO-OptimizedStorageUsage');
  });

  it('backups beyond one day of retention, Serverless v1 capacity from usage', () => {
    const s = specOf('aws_rds_cluster', { engine: 'aurora', engine_mode: 'serverless', backup_retention_period: 7 }, { backup_snapshot_size_gb: 50, capacity_units_per_hr: 4 });
    // 50 GB × (7 − 1) retained snapshots = 300 GB-months
    expect(monthly(line(s, 'Backup storage'))).toBe('300');
    const v1 = line(s, 'Aurora Serverless v1 capacity');
    expect(v1.price).toMatchObject({ productFamily: 'Serverless', attributes: { databaseEngine: 'Aurora MySQL', usagetype: 'Aurora:ServerlessUsage' } });
    // 4 ACU × 730 h
    expect(monthly(v1)).toBe('2920');
    // Without usage, the lines still show (and ask for) their price.
    expect(monthly(line(specOf('aws_rds_cluster', { engine: 'aurora-mysql' }), 'I/O requests'))).toBe('null');
  });

  it('is unpriced offline with the cache’s reason; non-Aurora engines say why', async () => {
    const r = await estimateOne('aws_rds_cluster', { engine: 'aurora-postgresql' }, { storage_gb: 100 });
    expect(r.monthlyCost).toBeNull();
    expect(r.unpriced.map((u) => u.component)).toEqual(['Storage', 'I/O requests']);
    expect(r.unpriced[0].reason).toBe('no Database Storage price in the pricing cache for us-east-1');
    const mysql = await estimateOne('aws_rds_cluster', { engine: 'mysql', db_cluster_instance_class: 'db.m5d.large' });
    expect(mysql.unpriced[0].reason).toMatch(/engine "mysql" is not an Aurora engine/);
  });
});
