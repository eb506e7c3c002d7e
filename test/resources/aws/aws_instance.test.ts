import { UNKNOWN } from '../../../src/input/types.js';
import { component, cost, estimateOne, sub } from '../../support/estimate.js';

// Prices from the us-east-1 snapshot: m5.large $0.096/h, gp2 $0.10 and gp3 $0.08 per GB-month,
// gp3 IOPS $0.005 per IOPS-month, CloudWatch metrics $0.30 per metric-month (first tier).
describe('aws_instance', () => {
  it('prices an m5.large with its assumed 8 GiB gp2 root volume', async () => {
    const r = await estimateOne('aws_instance', { instance_type: 'm5.large' });
    // 730 h × $0.096 = $70.08
    expect(cost(component(r, /^Instance usage/).monthlyCost)).toBe('70.08');
    expect(component(r, /^Instance usage/).name).toBe('Instance usage (Linux/UNIX, on-demand, m5.large)');
    // 8 GB × $0.10 = $0.80
    expect(cost(sub(r, 'root_block_device').monthlyCost)).toBe('0.80');
    expect(cost(r.monthlyCost)).toBe('70.88');
    expect(r.assumptions).toEqual(['root volume size comes from the AMI; assumed 8 GiB gp2']);
  });

  it('prices root and extra EBS block devices', async () => {
    const r = await estimateOne('aws_instance', {
      instance_type: 'm5.large',
      root_block_device: [{ volume_size: 50, volume_type: 'gp3' }],
      ebs_block_device: [{ volume_size: 200, volume_type: 'gp3', iops: 6000, device_name: '/dev/sdf' }],
    });
    // root: 50 × 0.08 = 4.00; extra: 200 × 0.08 = 16.00 + (6000 − 3000) × 0.005 = 15.00
    expect(cost(sub(r, 'root_block_device').monthlyCost)).toBe('4.00');
    expect(cost(sub(r, 'ebs_block_device[0]').monthlyCost)).toBe('31.00');
    expect(cost(r.monthlyCost)).toBe('105.08');
    expect(r.assumptions).toEqual([]);
  });

  it('adds detailed monitoring as seven metrics', async () => {
    const r = await estimateOne('aws_instance', { instance_type: 'm5.large', monitoring: true, root_block_device: [{ volume_size: 8 }] });
    // 7 × $0.30 = $2.10
    expect(cost(component(r, 'EC2 detailed monitoring').monthlyCost)).toBe('2.10');
  });

  it('treats unknown optional attributes as AWS defaults, unknown instance types as unknown', async () => {
    const known = await estimateOne('aws_instance', { instance_type: 'm5.large', tenancy: UNKNOWN, monitoring: UNKNOWN, root_block_device: UNKNOWN });
    expect(cost(known.monthlyCost)).toBe('70.88');
    const unknown = await estimateOne('aws_instance', { instance_type: UNKNOWN });
    expect(unknown.monthlyCost).toBeNull();
    expect(unknown.unpriced).toEqual([{ component: 'all', reason: 'cost depends on instance_type, which is not known until apply' }]);
  });

  it('honours monthly_hrs and reports unpriced operating systems', async () => {
    const r = await estimateOne('aws_instance', { instance_type: 'm5.large', root_block_device: [{ volume_size: 8 }] }, { monthly_hrs: 100 });
    // 100 h × $0.096 = $9.60
    expect(cost(component(r, /^Instance usage/).monthlyCost)).toBe('9.60');
    const windows = await estimateOne('aws_instance', { instance_type: 'm5.large' }, { operating_system: 'windows' });
    expect(windows.unpriced[0].component).toBe('Instance usage (Windows, on-demand, m5.large)');
    expect(windows.unpriced[0].reason).toMatch(/no Compute Instance m5.large Windows/);
  });

  it('uses the region: eu-west-1 m5.large is $0.107/h', async () => {
    const r = await estimateOne('aws_instance', { instance_type: 'm5.large', root_block_device: [{ volume_size: 10, volume_type: 'gp2' }] }, {}, 'eu-west-1');
    // 730 × 0.107 = 78.11; 10 × 0.11 = 1.10
    expect(cost(r.monthlyCost)).toBe('79.21');
  });

  it('lists CPU credits for unlimited burstable instances, priced only where the snapshot has it', async () => {
    const r = await estimateOne('aws_instance', { instance_type: 't3.micro', credit_specification: [{ cpu_credits: 'unlimited' }] });
    // 730 × 0.0104 = 7.592 → $7.59
    expect(cost(component(r, /^Instance usage/).monthlyCost)).toBe('7.59');
    expect(r.unpriced.map((u) => u.component)).toContain('CPU credits');
  });

  it('does not pass Dedicated bare-metal prices off as shared ones', async () => {
    const metal = await estimateOne('aws_instance', { instance_type: 'm5.metal' });
    // m5.metal has a Shared price from the feed: 730 × 4.608 = 3363.84
    expect(cost(component(metal, /^Instance usage/).monthlyCost)).toBe('3363.84');
    const host = await estimateOne('aws_instance', { instance_type: 'm5.large', tenancy: 'host' });
    expect(host.unpriced[0].reason).toMatch(/Dedicated Host/);
  });

  it('flags the EBS-optimized surcharge of older types as unpriced', async () => {
    const r = await estimateOne('aws_instance', { instance_type: 'c3.xlarge', ebs_optimized: true });
    expect(r.unpriced.map((u) => u.component)).toContain('EBS-optimized usage (c3.xlarge)');
    const current = await estimateOne('aws_instance', { instance_type: 'm5.large', ebs_optimized: true });
    expect(current.unpriced).toEqual([]);
  });
});
