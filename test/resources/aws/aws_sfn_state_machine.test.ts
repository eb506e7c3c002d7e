import { monthlyQuantity } from '../../../src/estimate/cost.js';
import { awsSfnStateMachine } from '../../../src/resources/aws/aws_sfn_state_machine.js';
import type { Attributes } from '../../../src/input/types.js';
import { ResourceView } from '../../../src/resources/view.js';
import { estimateOne } from '../../support/estimate.js';

const view = (values: Attributes, usage: Record<string, unknown>) =>
  new ResourceView({ address: 'aws_sfn_state_machine.flow', type: 'aws_sfn_state_machine', region: 'us-east-1', values, usage });

describe('aws_sfn_state_machine (online-only: Step Functions is not in the snapshot)', () => {
  it('STANDARD bills state transitions', () => {
    const [transitions] = awsSfnStateMachine.costs(view({ definition: '{}' }, { monthly_transitions: 2_000_000 })).components;
    expect(transitions.price).toMatchObject({ service: 'AmazonStates', productFamily: 'AWS Step Functions', attributes: { usagetype: 'StateTransition' } });
    expect(monthlyQuantity(transitions)?.toString()).toBe('2000000');
  });

  it('EXPRESS bills requests and GB-seconds in 64 MB and 100 ms steps', () => {
    const spec = awsSfnStateMachine.costs(view({ type: 'EXPRESS' }, { monthly_requests: 1_000_000, workflow_duration_ms: 250, memory_mb: 100 }));
    // 1M × 0.3 s × 128 MB / 1,024 = 37,500 GB-seconds
    expect(spec.components.map((c) => [c.name, c.price.attributes.usagetype, monthlyQuantity(c)?.toString()])).toEqual([
      ['Requests', 'StepFunctions-Request', '1000000'],
      ['Duration', 'StepFunctions-GB-Second', '37500'],
    ]);
  });

  it('is reported unpriced offline', async () => {
    const r = await estimateOne('aws_sfn_state_machine', { type: 'STANDARD' }, { monthly_transitions: 1 });
    expect(r.unpriced[0].reason).toMatch(/not in pricing cache for us-east-1 \(AmazonStates\)/);
  });
});
