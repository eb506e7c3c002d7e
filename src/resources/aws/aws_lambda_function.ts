import { Decimal } from '../../core/decimal.js';
import { fromUsage } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { lambdaArchitecture, lambdaGroup } from './shared/lambda.js';
import { lambdaProduct } from './shared/prices-data.js';
import { gbSeconds } from './shared/usage-math.js';

/** Ephemeral storage up to 512 MB is included with every invocation. */
const INCLUDED_EPHEMERAL_MB = Decimal.fromInt(512);

/**
 * A Lambda function: requests, and duration in GB-seconds (tiered per account and month, per
 * architecture). Ephemeral storage above the included 512 MB is billed per GB-second too.
 */
export const awsLambdaFunction: ResourceType = {
  type: 'aws_lambda_function',
  usageKeys: [
    { key: 'monthly_requests', description: 'invocations per month' },
    { key: 'request_duration_ms', description: 'average duration of an invocation, in ms' },
  ],
  costs(r) {
    const arch = lambdaArchitecture(r);
    const memoryMb = r.num('memory_size', 128);
    const storageMb = r.isUnknown('ephemeral_storage') ? INCLUDED_EPHEMERAL_MB : r.block('ephemeral_storage')?.num('size', 512) ?? INCLUDED_EPHEMERAL_MB;
    const requests = r.usageNum('monthly_requests');
    const durationMs = r.usageNum('request_duration_ms');
    const seconds = (mb: Decimal): Decimal | undefined =>
      requests === undefined || durationMs === undefined ? undefined : gbSeconds(requests, durationMs, mb);

    const components: CostComponentSpec[] = [
      {
        name: 'Requests',
        unit: 'requests',
        price: lambdaProduct(r.region, lambdaGroup('AWS-Lambda-Requests', arch)),
        quantity: fromUsage(requests),
        usageBased: true,
      },
      {
        name: `Duration (${arch}, ${memoryMb.toString()} MB)`,
        unit: 'GB-seconds',
        price: lambdaProduct(r.region, lambdaGroup('AWS-Lambda-Duration', arch)),
        quantity: fromUsage(seconds(memoryMb)),
        usageBased: true,
      },
    ];
    if (storageMb.gt(INCLUDED_EPHEMERAL_MB)) {
      components.push({
        name: `Ephemeral storage above 512 MB (${storageMb.minus(INCLUDED_EPHEMERAL_MB).toString()} MB)`,
        unit: 'GB-seconds',
        price: lambdaProduct(r.region, lambdaGroup('AWS-Lambda-Storage-Duration', arch)),
        quantity: fromUsage(seconds(storageMb.minus(INCLUDED_EPHEMERAL_MB))),
        usageBased: true,
      });
    }
    return { components };
  },
};
