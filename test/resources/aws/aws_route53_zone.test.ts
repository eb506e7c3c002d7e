import { component, cost, estimateOne } from '../../support/estimate.js';

// global: hosted zones 0.50 per month for the first 25 in the account, 0.10 after.
describe('aws_route53_zone', () => {
  it('is one hosted zone-month at the first-25 price, in any region', async () => {
    const r = await estimateOne('aws_route53_zone', { name: 'example.com' }, {}, 'ap-southeast-2');
    expect(cost(r.monthlyCost)).toBe('0.50');
    expect(component(r, 'Hosted zone').tiers?.map((t) => t.unitPrice.toString())).toEqual(['0.5', '0.1']);
    expect(r.assumptions).toEqual(['priced at the rate of the first 25 hosted zones in the account']);
  });
});
