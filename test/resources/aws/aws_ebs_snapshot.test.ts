import { cost, estimate } from '../../support/estimate.js';

describe('aws_ebs_snapshot', () => {
  it('bills the source volume size at $0.05 per GB-month, or the usage figure', async () => {
    const [snap] = await estimate([
      { address: 'aws_ebs_snapshot.s', type: 'aws_ebs_snapshot', values: { volume_id: 'vol-1' }, references: { volume_id: ['aws_ebs_volume.v.id', 'aws_ebs_volume.v'] } },
      { address: 'aws_ebs_volume.v', type: 'aws_ebs_volume', values: { size: 200, type: 'gp3' } },
    ]);
    // 200 × 0.05
    expect(cost(snap.monthlyCost)).toBe('10.00');
    const [incremental] = await estimate(
      [{ address: 'aws_ebs_snapshot.s', type: 'aws_ebs_snapshot', values: {} }],
      { 'aws_ebs_snapshot.s': { monthly_gb_storage: 30 } },
    );
    expect(cost(incremental.monthlyCost)).toBe('1.50');
  });
});
