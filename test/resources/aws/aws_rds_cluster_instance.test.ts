import { estimate } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// Aurora prices are not in the snapshot: instances are asked for with Price List attributes and
// reported unpriced offline. The cluster decides I/O-Optimized and the Serverless v2 range.
const cluster = (values: Record<string, unknown>) => ({ address: 'aws_rds_cluster.main', type: 'aws_rds_cluster', values: { engine: 'aurora-postgresql', ...values } as never });
const instance = (values: Record<string, unknown>) => ({
  address: 'aws_rds_cluster_instance.a',
  type: 'aws_rds_cluster_instance',
  values: { engine: 'aurora-postgresql', ...values } as never,
  references: { cluster_identifier: ['aws_rds_cluster.main.id'] },
});
async function priced(clusterValues: Record<string, unknown>, instanceValues: Record<string, unknown>) {
  const rs = await estimate([cluster(clusterValues), instance(instanceValues)]);
  const r = rs.find((x) => x.address === 'aws_rds_cluster_instance.a');
  if (!r) throw new Error('instance not estimated');
  return r;
}

describe('aws_rds_cluster_instance', () => {
  it('asks for the class in an I/O-Optimized cluster under its own usagetype', async () => {
    const r = await priced({ storage_type: 'aurora-iopt1' }, { instance_class: 'db.r6g.large' });
    expect(r.unpriced[0].component).toBe('Database instance (on-demand, I/O-Optimized, db.r6g.large)');
    expect(r.unpriced[0].reason).toBe('no Database Instance Aurora PostgreSQL Single-AZ db.r6g.large price in the pricing cache for us-east-1');
    const s = specOf('aws_rds_cluster_instance', { engine: 'aurora-mysql', instance_class: 'db.t4g.medium' }, {}, 'eu-west-1');
    expect(s.components[0].price.attributes).toEqual({ databaseEngine: 'Aurora MySQL', deploymentOption: 'Single-AZ', instanceType: 'db.t4g.medium', usagetype: 'InstanceUsage:db.t4g.medium' });
    // 1 instance × 730 h
    expect(monthly(s.components[0])).toBe('730');
    expect(s.assumptions).toEqual(['the cluster is not in this plan; assumed Aurora Standard storage (not I/O-Optimized)']);
  });

  it('db.serverless: ACU-hours from usage, else the range from the cluster', async () => {
    const r = await priced({ serverlessv2_scaling_configuration: [{ min_capacity: 0.5, max_capacity: 8 }] }, { instance_class: 'db.serverless' });
    expect(r.unpriced[0].component).toBe('Aurora Serverless v2 capacity (Standard)');
    // 0.5 × 730 = 365; 8 × 730 = 5,840
    expect(r.assumptions[0]).toBe('capacity ranges 0.5–8 ACU: 365–5840 ACU-hours a month; set capacity_units_per_hr to price it');
    const s = specOf('aws_rds_cluster_instance', { engine: 'aurora-postgresql', instance_class: 'db.serverless' }, { capacity_units_per_hr: 2.5 });
    const acu = line(s, /^Aurora Serverless v2/);
    expect(acu.price).toMatchObject({ productFamily: 'ServerlessV2', attributes: { usagetype: 'Aurora:ServerlessV2Usage' } });
    // 2.5 ACU × 730 h = 1,825 ACU-hours
    expect(monthly(acu)).toBe('1825');
  });

  it('needs an Aurora engine and a class', async () => {
    const r = await priced({}, { instance_class: 'db.r6g.large', engine: 'postgres' });
    expect(r.unpriced[0].reason).toMatch(/engine "postgres" is not an Aurora engine/);
  });
});
