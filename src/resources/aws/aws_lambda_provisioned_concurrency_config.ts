import { Decimal } from '../../core/decimal.js';
import { fromUsage } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { InvalidValueError, UnknownValueError } from '../view.js';
import { lambdaArchitecture, lambdaGroup, type LambdaArchitecture } from './shared/lambda.js';
import { lambdaProduct } from './shared/prices-data.js';
import { gbSeconds, mbToGb } from './shared/usage-math.js';

const SECONDS_PER_HOUR = Decimal.fromInt(3600);

/**
 * Provisioned concurrency: the configured environments are billed per GB-second for as long as
 * the configuration exists, and invocations they serve are billed at the lower provisioned
 * duration price. Their requests are billed on the function itself (aws_lambda_function).
 * Memory and architecture come from the function the configuration names, or from the usage file
 * (Infracost's memory_mb and architecture) when the function is not in the plan.
 */
export const awsLambdaProvisionedConcurrencyConfig: ResourceType = {
  type: 'aws_lambda_provisioned_concurrency_config',
  usageKeys: [
    { key: 'monthly_duration_hrs', description: 'hours per month the provisioned concurrency is configured (default: all month)' },
    { key: 'monthly_requests', description: 'invocations per month served by provisioned concurrency' },
    { key: 'request_duration_ms', description: 'average duration of those invocations, in ms' },
    { key: 'memory_mb', description: 'memory of the function, when it is not in the plan' },
    { key: 'architecture', description: 'x86_64 or arm64, when the function is not in the plan' },
  ],
  costs(r) {
    const executions = r.num('provisioned_concurrent_executions');
    if (executions === undefined) throw new InvalidValueError('provisioned_concurrent_executions is required');
    const fn = r.ref('function_name');
    const memoryMb = fn ? fn.num('memory_size', 128) : r.usageNum('memory_mb');
    if (memoryMb === undefined) throw new UnknownValueError('memory_size of function_name (not in the plan; set memory_mb in the usage file)');
    const arch: LambdaArchitecture = fn ? lambdaArchitecture(fn) : usageArchitecture(r.usageStr('architecture'));
    const assumptions =
      !fn && r.usageStr('architecture') === undefined ? ['architecture taken as x86_64, the AWS default (set architecture in the usage file otherwise)'] : [];

    // Environments × GB × seconds they are configured.
    const gbPerSecond = executions.times(mbToGb(memoryMb));
    const hours = r.usageNum('monthly_duration_hrs');
    const concurrency = hours === undefined ? { perHour: gbPerSecond.times(SECONDS_PER_HOUR) } : { perMonth: gbPerSecond.times(SECONDS_PER_HOUR).times(hours) };

    const requests = r.usageNum('monthly_requests');
    const durationMs = r.usageNum('request_duration_ms');
    return {
      components: [
        {
          name: `Provisioned concurrency (${arch}, ${executions.toString()} × ${memoryMb.toString()} MB)`,
          unit: 'GB-seconds',
          price: lambdaProduct(r.region, lambdaGroup('AWS-Lambda-Provisioned-Concurrency', arch)),
          quantity: concurrency,
        },
        {
          name: `Duration (provisioned, ${arch})`,
          unit: 'GB-seconds',
          price: lambdaProduct(r.region, lambdaGroup('AWS-Lambda-Duration-Provisioned', arch)),
          quantity: fromUsage(requests === undefined || durationMs === undefined ? undefined : gbSeconds(requests, durationMs, memoryMb)),
          usageBased: true,
        },
      ],
      assumptions,
    };
  },
};

function usageArchitecture(value: string | undefined): LambdaArchitecture {
  if (value === undefined || value === 'x86_64') return 'x86_64';
  if (value === 'arm64') return 'arm64';
  throw new InvalidValueError(`usage architecture "${value}" is not x86_64 or arm64`);
}
