import type { ResourceEstimate } from '../../../src/estimate/types.js';
import { component, cost, estimate, estimateOne } from '../../support/estimate.js';

// us-east-1 per GB-second: provisioned concurrency x86 0.0000041667, Arm 0.0000033334;
// provisioned duration x86 0.0000097222, Arm 0.0000077778.
const fn = (architectures: string[]) => ({
  address: 'aws_lambda_function.api',
  type: 'aws_lambda_function',
  values: { function_name: 'api', memory_size: 1024, architectures },
});
const config = {
  address: 'aws_lambda_provisioned_concurrency_config.api',
  type: 'aws_lambda_provisioned_concurrency_config',
  values: { function_name: 'api', qualifier: 'live', provisioned_concurrent_executions: 10 },
  references: { function_name: ['aws_lambda_function.api.function_name', 'aws_lambda_function.api'] },
};

/** Estimates are in address order; pick the configuration by its address. */
const configOf = (rs: ResourceEstimate[]): ResourceEstimate => rs.find((x) => x.address === config.address)!;

describe('aws_lambda_provisioned_concurrency_config', () => {
  it('bills the configured environments all month, with the function’s memory', async () => {
    const r = configOf(await estimate([fn(['x86_64']), config], {
      [config.address]: { monthly_requests: 1_000_000, request_duration_ms: 200 },
    }));
    // 10 × 1 GB × 3,600 s × 730 h = 26,280,000 GB-s × 0.0000041667 = 109.500876
    expect(component(r, /^Provisioned concurrency/).monthlyQuantity?.toString()).toBe('26280000');
    expect(cost(component(r, /^Provisioned concurrency/).monthlyCost)).toBe('109.50');
    // 1M × 0.2 s × 1 GB = 200,000 GB-s × 0.0000097222 = 1.94444
    expect(cost(component(r, 'Duration (provisioned, x86_64)').monthlyCost)).toBe('1.94');
    expect(cost(r.monthlyCost)).toBe('111.44');
  });

  it('uses the Arm prices for an arm64 function and monthly_duration_hrs when given', async () => {
    const arm = configOf(await estimate([fn(['arm64']), config]));
    // 26,280,000 GB-s × 0.0000033334 = 87.601752
    expect(cost(component(arm, 'Provisioned concurrency (arm64, 10 × 1024 MB)').monthlyCost)).toBe('87.60');
    const part = configOf(await estimate([fn(['x86_64']), config], { [config.address]: { monthly_duration_hrs: 100 } }));
    // 10 × 1 GB × 3,600 s × 100 h = 3,600,000 GB-s × 0.0000041667 = 15.00012
    expect(cost(component(part, /^Provisioned concurrency/).monthlyCost)).toBe('15.00');
  });

  it('without the function in the plan, reads memory_mb and architecture from usage, or says what is missing', async () => {
    const alone = { ...config.values, function_name: 'elsewhere' };
    const r = await estimateOne('aws_lambda_provisioned_concurrency_config', alone, { memory_mb: 512, architecture: 'arm64' });
    // 10 × 0.5 GB × 3,600 s × 730 h = 13,140,000 GB-s × 0.0000033334 = 43.800876
    expect(cost(r.monthlyCost)).toBe('43.80');
    const unknown = await estimateOne('aws_lambda_provisioned_concurrency_config', alone);
    expect(unknown.monthlyCost).toBeNull();
    expect(unknown.unpriced[0].reason).toMatch(/memory_size of function_name/);
  });
});
