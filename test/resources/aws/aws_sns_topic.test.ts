import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1: publishes 0.0000005 per request (each started 64 KB); deliveries per notification:
// HTTP 0.0000006, email 0.00002, SQS and Lambda 0.
describe('aws_sns_topic', () => {
  it('prices publishes and deliveries to each protocol’s subscriptions', async () => {
    const r = await estimateOne('aws_sns_topic', { name: 'events' }, {
      monthly_requests: 10_000_000,
      request_size_kb: 64,
      http_subscriptions: 2,
      email_subscriptions: 1,
      sqs_subscriptions: 3,
    });
    // 10M × 0.0000005 = 5.00; 20M × 0.0000006 = 12.00; 10M × 0.00002 = 200.00; 30M × 0 = 0.00
    expect(cost(component(r, 'API requests').monthlyCost)).toBe('5.00');
    expect(cost(component(r, 'HTTP/HTTPS notifications').monthlyCost)).toBe('12.00');
    expect(cost(component(r, 'Email/Email-JSON notifications').monthlyCost)).toBe('200.00');
    expect(cost(component(r, 'SQS notifications').monthlyCost)).toBe('0.00');
    expect(cost(r.monthlyCost)).toBe('217.00');
  });

  it('larger messages count per 64 KB chunk; SMS and FIFO topics are reported unpriced', async () => {
    const r = await estimateOne('aws_sns_topic', { name: 'events' }, { monthly_requests: 10_000_000, request_size_kb: 100, sms_subscriptions: 1 });
    // 10M × 2 chunks × 0.0000005 = 10.00
    expect(cost(r.monthlyCost)).toBe('10.00');
    expect(r.unpriced.map((u) => u.component)).toEqual(['SMS notifications']);
    const fifo = await estimateOne('aws_sns_topic', { name: 'events.fifo', fifo_topic: true });
    expect(fifo.unpriced.map((u) => u.component)).toEqual(['FIFO topic']);
  });
});
