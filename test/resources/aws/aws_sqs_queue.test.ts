import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1 only in the snapshot (infracost-derived rows): 0.40 per 1M standard requests, 0.50 per
// 1M FIFO requests; every started 64 KB of payload is one request.
describe('aws_sqs_queue', () => {
  it('128 KB requests count twice: 10M × 2 × 0.40 / 1M = $8.00', async () => {
    const r = await estimateOne('aws_sqs_queue', { name: 'jobs' }, { monthly_requests: 10_000_000, request_size_kb: 128 });
    expect(component(r, 'Requests (standard)').monthlyQuantity?.toString()).toBe('20000000');
    expect(cost(r.monthlyCost)).toBe('8.00');
    expect(r.assumptions).toEqual([]);
  });

  it('FIFO queues use the FIFO price and record the size assumption', async () => {
    const r = await estimateOne('aws_sqs_queue', { name: 'jobs.fifo', fifo_queue: true }, { monthly_requests: 10_000_000 });
    // 10M × 0.50 / 1M
    expect(cost(component(r, 'Requests (FIFO)').monthlyCost)).toBe('5.00');
    expect(r.assumptions[0]).toMatch(/at most 64 KB/);
  });

  it('outside us-east-1 the price is online-only', async () => {
    const r = await estimateOne('aws_sqs_queue', { name: 'jobs' }, { monthly_requests: 1 }, 'eu-west-1');
    expect(r.unpriced[0].reason).toMatch(/not in pricing cache for eu-west-1 \(AWSQueueService\)/);
  });
});
