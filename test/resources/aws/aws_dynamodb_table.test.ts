import { UNKNOWN } from '../../../src/input/types.js';
import { component, cost, estimateOne, sub } from '../../support/estimate.js';

// us-east-1: provisioned RCU 0.00013 and WCU 0.00065 per capacity-unit-hour (Standard-IA 0.00016
// and 0.00081); on-demand reads 0.000000125 and writes 0.000000625 per request unit; storage 0.25
// per GB-month (Standard-IA 0.10); PITR 0.20 and on-demand backups 0.10 per GB-month; restores
// 0.15 per GB; stream reads 0.0000002 per request.
describe('aws_dynamodb_table', () => {
  it('PROVISIONED bills capacity hours for the table and each global secondary index', async () => {
    const r = await estimateOne(
      'aws_dynamodb_table',
      {
        billing_mode: 'PROVISIONED',
        read_capacity: 10,
        write_capacity: 5,
        global_secondary_index: [{ name: 'by-email', read_capacity: 5, write_capacity: 5 }],
      },
      { storage_gb: 50 },
    );
    // 10 × 730 × 0.00013 = 0.949; 5 × 730 × 0.00065 = 2.3725; 50 × 0.25 = 12.50
    expect(cost(component(r, 'Read capacity units (RCU)').monthlyCost)).toBe('0.95');
    expect(cost(component(r, 'Write capacity units (WCU)').monthlyCost)).toBe('2.37');
    expect(cost(component(r, 'Data storage (Standard)').monthlyCost)).toBe('12.50');
    const gsi = sub(r, 'Global secondary index (by-email)');
    // 5 × 730 × 0.00013 = 0.4745; 5 × 730 × 0.00065 = 2.3725
    expect(cost(gsi.monthlyCost)).toBe('2.84');
    expect(cost(r.monthlyCost)).toBe('18.66');
  });

  it('PAY_PER_REQUEST bills request units, backups, restores and stream reads from usage', async () => {
    const r = await estimateOne(
      'aws_dynamodb_table',
      { billing_mode: 'PAY_PER_REQUEST', point_in_time_recovery: [{ enabled: true }], stream_enabled: true },
      {
        monthly_write_request_units: 10_000_000,
        monthly_read_request_units: 50_000_000,
        storage_gb: 10,
        pitr_backup_storage_gb: 20,
        on_demand_backup_storage_gb: 100,
        monthly_data_restored_gb: 10,
        monthly_streams_read_request_units: 1_000_000,
      },
    );
    // 10M × 0.000000625 = 6.25; 50M × 0.000000125 = 6.25; 10 × 0.25 = 2.50; 20 × 0.20 = 4.00;
    // 100 × 0.10 = 10.00; 10 × 0.15 = 1.50; 1M × 0.0000002 = 0.20
    expect(cost(component(r, 'Write request units (WRU)').monthlyCost)).toBe('6.25');
    expect(cost(component(r, 'Read request units (RRU)').monthlyCost)).toBe('6.25');
    expect(cost(component(r, 'Point-in-time recovery (PITR) backup storage').monthlyCost)).toBe('4.00');
    expect(cost(component(r, 'On-demand backup storage').monthlyCost)).toBe('10.00');
    expect(cost(component(r, 'Table data restored').monthlyCost)).toBe('1.50');
    expect(cost(component(r, 'Streams read request units').monthlyCost)).toBe('0.20');
    expect(cost(r.monthlyCost)).toBe('30.70');
  });

  it('Standard-IA table class uses the IA prices', async () => {
    const r = await estimateOne(
      'aws_dynamodb_table',
      { read_capacity: 10, write_capacity: 5, table_class: 'STANDARD_INFREQUENT_ACCESS' },
      { storage_gb: 100 },
    );
    // 10 × 730 × 0.00016 = 1.168; 5 × 730 × 0.00081 = 2.9565; 100 × 0.10 = 10.00
    expect(cost(r.monthlyCost)).toBe('14.13');
  });

  it('without usage shows the on-demand unit prices; PITR only when enabled', async () => {
    const r = await estimateOne('aws_dynamodb_table', { billing_mode: 'PAY_PER_REQUEST', point_in_time_recovery: [{ enabled: false }] });
    expect(component(r, 'Write request units (WRU)').unitPrice.toString()).toBe('0.000000625');
    expect(r.components.map((c) => c.name)).not.toContain('Point-in-time recovery (PITR) backup storage');
    expect(r.monthlyCost).toBeNull();
  });

  it('names unknown capacity and lists replicas it cannot price yet', async () => {
    const unknown = await estimateOne('aws_dynamodb_table', { billing_mode: 'PROVISIONED', read_capacity: UNKNOWN, write_capacity: 5 });
    expect(unknown.unpriced[0].reason).toBe('cost depends on read_capacity, which is not known until apply');
    const global = await estimateOne('aws_dynamodb_table', { billing_mode: 'PAY_PER_REQUEST', replica: [{ region_name: 'eu-west-1' }] });
    expect(global.unpriced).toContainEqual({ component: 'Global table replica (eu-west-1)', reason: 'replicated writes and replica storage are not priced yet' });
  });
});
