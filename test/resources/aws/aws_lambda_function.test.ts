import { UNKNOWN } from '../../../src/input/types.js';
import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1: requests 0.0000002 (x86 and Arm); duration x86 0.0000166667 / 0.000015 / 0.0000133334
// per GB-second (first 6B, next 9B, over 15B); Arm 0.0000133334 (first 7.5B); ephemeral storage
// 0.0000000309 per GB-second. af-south-1: x86 duration 0.0000221.
describe('aws_lambda_function', () => {
  it('x86, 1,024 MB, 10M requests of 100 ms is $18.67', async () => {
    const r = await estimateOne('aws_lambda_function', { memory_size: 1024 }, { monthly_requests: 10_000_000, request_duration_ms: 100 });
    // 10M × 0.0000002 = 2.00; 10M × 0.1 s × 1 GB = 1,000,000 GB-s × 0.0000166667 = 16.6667
    expect(cost(component(r, 'Requests').monthlyCost)).toBe('2.00');
    expect(component(r, 'Duration (x86_64, 1024 MB)').monthlyQuantity?.toString()).toBe('1000000');
    expect(cost(component(r, /^Duration/).monthlyCost)).toBe('16.67');
    expect(cost(r.monthlyCost)).toBe('18.67');
  });

  it('arm64 uses the Arm prices and bills every started millisecond', async () => {
    const r = await estimateOne('aws_lambda_function', { memory_size: 2048, architectures: ['arm64'] }, { monthly_requests: 5_000_000, request_duration_ms: 250.4 });
    // 5M × 0.251 s × 2 GB = 2,510,000 GB-s × 0.0000133334 = 33.466834; 5M × 0.0000002 = 1.00
    expect(component(r, 'Duration (arm64, 2048 MB)').monthlyQuantity?.toString()).toBe('2510000');
    expect(cost(component(r, /^Duration/).monthlyCost)).toBe('33.47');
    expect(cost(r.monthlyCost)).toBe('34.47');
  });

  it('duration above 6B GB-seconds moves to the second tier', async () => {
    const r = await estimateOne('aws_lambda_function', { memory_size: 10240 }, { monthly_requests: 100_000_000, request_duration_ms: 7000 });
    // 100M × 7 s × 10 GB = 7e9 GB-s: 6e9 × 0.0000166667 = 100,000.20; 1e9 × 0.000015 = 15,000.00
    expect(cost(component(r, /^Duration/).monthlyCost)).toBe('115000.20');
    // + 100M × 0.0000002 = 20.00
    expect(cost(r.monthlyCost)).toBe('115020.20');
  });

  it('bills ephemeral storage above 512 MB', async () => {
    const r = await estimateOne(
      'aws_lambda_function',
      { memory_size: 1024, ephemeral_storage: [{ size: 2048 }] },
      { monthly_requests: 10_000_000, request_duration_ms: 100 },
    );
    // (2048 − 512) MB = 1.5 GB × 1,000,000 s = 1,500,000 GB-s × 0.0000000309 = 0.04635
    expect(cost(component(r, 'Ephemeral storage above 512 MB (1536 MB)').monthlyCost)).toBe('0.05');
    const included = await estimateOne('aws_lambda_function', { memory_size: 1024, ephemeral_storage: UNKNOWN });
    expect(included.components.map((c) => c.name)).toEqual(['Requests', 'Duration (x86_64, 1024 MB)']);
  });

  it('shows unit prices without usage, and needs the duration to price GB-seconds', async () => {
    const r = await estimateOne('aws_lambda_function', { memory_size: 128, architectures: UNKNOWN });
    expect(component(r, 'Requests').unitPrice.toString()).toBe('0.0000002');
    expect(component(r, 'Duration (x86_64, 128 MB)').monthlyCost).toBeNull();
    expect(component(r, /^Duration/).tiers?.map((t) => t.unitPrice.toString())).toEqual(['0.0000166667', '0.000015', '0.0000133334']);
    expect(r.hasUsageBasedUnknowns).toBe(true);
    const noDuration = await estimateOne('aws_lambda_function', { memory_size: 128 }, { monthly_requests: 1_000_000 });
    // 1M × 0.0000002 = 0.20; duration unknown
    expect(cost(component(noDuration, 'Requests').monthlyCost)).toBe('0.20');
    expect(component(noDuration, /^Duration/).monthlyCost).toBeNull();
  });

  it('af-south-1 prices: 1,000,000 GB-s × 0.0000221 = $22.10', async () => {
    const r = await estimateOne('aws_lambda_function', { memory_size: 1024 }, { monthly_requests: 10_000_000, request_duration_ms: 100 }, 'af-south-1');
    expect(cost(component(r, /^Duration/).monthlyCost)).toBe('22.10');
  });
});
