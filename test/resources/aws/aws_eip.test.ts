import { cost, estimateOne } from '../../support/estimate.js';

describe('aws_eip', () => {
  it('bills the public IPv4 address by the hour: 730 × $0.005 = $3.65', async () => {
    const r = await estimateOne('aws_eip', { domain: 'vpc', instance: null, network_interface: null });
    expect(cost(r.monthlyCost)).toBe('3.65');
    const attached = await estimateOne('aws_eip', { domain: 'vpc', instance: 'i-123' });
    expect(cost(attached.monthlyCost)).toBe('3.65');
  });
});
