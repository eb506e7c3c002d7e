import { Decimal } from '../../core/decimal.js';
import { fromUsage, usageLine } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { InvalidValueError } from '../view.js';
import { stepFunctionsProduct } from './shared/prices-data.js';
import { gbSeconds } from './shared/usage-math.js';

const MEMORY_STEP_MB = Decimal.fromInt(64);
const DURATION_STEP_MS = Decimal.fromInt(100);

/** Express workflows bill memory in started 64 MB steps and duration in started 100 ms steps. */
function roundUp(value: Decimal, step: Decimal): Decimal {
  return Decimal.max(Decimal.ONE, value.dividedBy(step).ceil()).times(step);
}

/**
 * A Step Functions state machine. STANDARD workflows bill state transitions; EXPRESS workflows
 * bill requests and duration in GB-seconds (tiered by the price itself).
 */
export const awsSfnStateMachine: ResourceType = {
  type: 'aws_sfn_state_machine',
  usageKeys: [
    { key: 'monthly_transitions', description: 'state transitions per month (STANDARD)' },
    { key: 'monthly_requests', description: 'workflow executions per month (EXPRESS)' },
    { key: 'workflow_duration_ms', description: 'average execution duration, ms (EXPRESS)' },
    { key: 'memory_mb', description: 'average memory an execution uses, MB (EXPRESS)' },
  ],
  costs(r) {
    const type = r.optStr('type', 'STANDARD');
    if (type === 'STANDARD') {
      return {
        components: [
          usageLine(r, 'monthly_transitions', { name: 'State transitions', unit: 'transitions', price: stepFunctionsProduct(r.region, 'StateTransition') }),
        ],
      };
    }
    if (type !== 'EXPRESS') throw new InvalidValueError(`type "${type}" is not STANDARD or EXPRESS`);
    const requests = r.usageNum('monthly_requests');
    const durationMs = r.usageNum('workflow_duration_ms');
    const memoryMb = r.usageNum('memory_mb');
    const duration =
      requests === undefined || durationMs === undefined || memoryMb === undefined
        ? undefined
        : gbSeconds(requests, roundUp(durationMs, DURATION_STEP_MS), roundUp(memoryMb, MEMORY_STEP_MB));
    return {
      components: [
        {
          name: 'Requests',
          unit: 'requests',
          price: stepFunctionsProduct(r.region, 'StepFunctions-Request'),
          quantity: fromUsage(requests),
          usageBased: true,
        },
        {
          name: 'Duration',
          unit: 'GB-seconds',
          price: stepFunctionsProduct(r.region, 'StepFunctions-GB-Second', undefined),
          quantity: fromUsage(duration),
          usageBased: true,
        },
      ],
    };
  },
};
