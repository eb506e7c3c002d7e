import { cost, estimateOne } from '../../support/estimate.js';

describe('aws_cloudwatch_composite_alarm', () => {
  it('is one composite alarm-month: us-east-1 $0.50', async () => {
    const r = await estimateOne('aws_cloudwatch_composite_alarm', { alarm_name: 'app', alarm_rule: 'ALARM(a) OR ALARM(b)' });
    expect(r.components.map((c) => c.name)).toEqual(['Composite alarm']);
    expect(cost(r.monthlyCost)).toBe('0.50');
  });
});
