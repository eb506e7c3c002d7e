import { UNKNOWN } from '../../../src/input/types.js';
import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1: gp2 0.10, gp3 0.08, io1/io2 0.125 per GB-month; gp3 IOPS 0.005, io1 IOPS 0.065,
// io2 IOPS tiers 0.065 / 0.0455 / 0.03185 per IOPS-month; gp3 throughput 40.96 per GiBps-month;
// st1 0.045, sc1 0.015, magnetic 0.05 per GB-month and 0.00000005 per I/O.
describe('aws_ebs_volume', () => {
  it('gp3 100 GB, 4,000 IOPS, 250 MiB/s is $18.00', async () => {
    const r = await estimateOne('aws_ebs_volume', { type: 'gp3', size: 100, iops: 4000, throughput: 250 });
    // 100 × 0.08 = 8.00; (4000 − 3000) × 0.005 = 5.00; (250 − 125) / 1024 GiBps × 40.96 = 5.00
    expect(cost(component(r, /^Storage/).monthlyCost)).toBe('8.00');
    expect(cost(component(r, 'Provisioned IOPS above 3,000').monthlyCost)).toBe('5.00');
    expect(cost(component(r, 'Provisioned throughput above 125 MiB/s').monthlyCost)).toBe('5.00');
    expect(cost(r.monthlyCost)).toBe('18.00');
  });

  it('gp3 at its included performance bills storage only', async () => {
    const r = await estimateOne('aws_ebs_volume', { type: 'gp3', size: 100, iops: 3000, throughput: 125 });
    expect(r.components.map((c) => c.name)).toEqual(['Storage (general purpose SSD, gp3)']);
  });

  it('defaults to gp2', async () => {
    const r = await estimateOne('aws_ebs_volume', { size: 50 });
    // 50 × 0.10
    expect(cost(r.monthlyCost)).toBe('5.00');
  });

  it('io1 bills every provisioned IOPS', async () => {
    const r = await estimateOne('aws_ebs_volume', { type: 'io1', size: 100, iops: 1000 });
    // 100 × 0.125 = 12.50; 1000 × 0.065 = 65.00
    expect(cost(r.monthlyCost)).toBe('77.50');
  });

  it('io2 bills IOPS in three tiers', async () => {
    const r = await estimateOne('aws_ebs_volume', { type: 'io2', size: 100, iops: 80000 });
    // 100 × 0.125 = 12.50; 32000 × 0.065 = 2080.00; 32000 × 0.0455 = 1456.00; 16000 × 0.03185 = 509.60
    expect(cost(component(r, 'Provisioned IOPS (first 32,000)').monthlyCost)).toBe('2080.00');
    expect(cost(component(r, 'Provisioned IOPS (32,001–64,000)').monthlyCost)).toBe('1456.00');
    expect(cost(component(r, 'Provisioned IOPS (above 64,000)').monthlyCost)).toBe('509.60');
    expect(cost(r.monthlyCost)).toBe('4058.10');
  });

  it('st1, sc1 and magnetic', async () => {
    expect(cost((await estimateOne('aws_ebs_volume', { type: 'st1', size: 500 })).monthlyCost)).toBe('22.50');
    expect(cost((await estimateOne('aws_ebs_volume', { type: 'sc1', size: 500 })).monthlyCost)).toBe('7.50');
    const magnetic = await estimateOne('aws_ebs_volume', { type: 'standard', size: 100 }, { monthly_standard_io_requests: 10_000_000 });
    // 100 × 0.05 = 5.00; 10M × 0.00000005 = 0.50
    expect(cost(component(magnetic, 'I/O requests').monthlyCost)).toBe('0.50');
    expect(cost(magnetic.monthlyCost)).toBe('5.50');
  });

  it('shows the I/O price without usage, and refuses a volume without a size', async () => {
    const magnetic = await estimateOne('aws_ebs_volume', { type: 'standard', size: 100 });
    expect(component(magnetic, 'I/O requests').monthlyCost).toBeNull();
    expect(component(magnetic, 'I/O requests').unitPrice.toString()).toBe('0.00000005');
    const fromSnapshot = await estimateOne('aws_ebs_volume', { type: 'gp3', size: UNKNOWN, snapshot_id: 'snap-1' });
    expect(fromSnapshot.unpriced[0].reason).toBe('cost depends on size, which is not known until apply');
    const bad = await estimateOne('aws_ebs_volume', { type: 'gp9', size: 10 });
    expect(bad.unpriced[0].reason).toMatch(/unknown EBS volume type "gp9"/);
  });
});
