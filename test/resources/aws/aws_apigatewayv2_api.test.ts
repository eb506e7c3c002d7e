import { monthlyQuantity } from '../../../src/estimate/cost.js';
import { awsApigatewayv2Api } from '../../../src/resources/aws/aws_apigatewayv2_api.js';
import type { Attributes } from '../../../src/input/types.js';
import { ResourceView } from '../../../src/resources/view.js';
import { component, cost, estimateOne } from '../../support/estimate.js';

const view = (values: Attributes, usage: Record<string, unknown>) =>
  new ResourceView({ address: 'aws_apigatewayv2_api.api', type: 'aws_apigatewayv2_api', region: 'us-east-1', values, usage });

describe('aws_apigatewayv2_api', () => {
  it('HTTP APIs count each started 512 KB of a request as one request', () => {
    const spec = awsApigatewayv2Api.costs(view({ protocol_type: 'HTTP' }, { monthly_requests: 1_000_000, request_size_kb: 600 }));
    const [requests] = spec.components;
    expect(requests.price).toMatchObject({ service: 'AmazonApiGateway', productFamily: 'API Calls', attributes: { usagetype: 'ApiGatewayHttpRequest' } });
    // 600 KB = 2 chunks of 512 KB
    expect(monthlyQuantity(requests)?.toString()).toBe('2000000');
  });

  it('WebSocket APIs bill 32 KB messages and connection minutes', () => {
    const spec = awsApigatewayv2Api.costs(view({ protocol_type: 'WEBSOCKET' }, { monthly_messages: 1_000_000, message_size_kb: 40, monthly_connection_mins: 50_000 }));
    expect(spec.components.map((c) => [c.name, c.price.attributes.usagetype, monthlyQuantity(c)?.toString()])).toEqual([
      ['Messages', 'ApiGatewayMessage', '2000000'],
      ['Connection minutes', 'ApiGatewayMinute', '50000'],
    ]);
    const noSize = awsApigatewayv2Api.costs(view({ protocol_type: 'WEBSOCKET' }, { monthly_messages: 10 }));
    expect(noSize.assumptions?.[0]).toMatch(/at most 32 KB/);
  });

  it('prices an HTTP API across its two tiers', async () => {
    const r = await estimateOne('aws_apigatewayv2_api', { protocol_type: 'HTTP' }, { monthly_requests: 350_000_000 });
    // First 300M × $1.00 per 1M = 300.00; next 50M × $0.90 per 1M = 45.00.
    expect(cost(component(r, 'Requests').monthlyCost)).toBe('345.00');
  });

  it('prices a WebSocket API: messages and connection minutes', async () => {
    const r = await estimateOne('aws_apigatewayv2_api', { protocol_type: 'WEBSOCKET' }, { monthly_messages: 2_000_000, monthly_connection_mins: 10_000_000 });
    expect(cost(component(r, 'Messages').monthlyCost)).toBe('2.00'); // 2M × $1.00 per 1M
    expect(cost(component(r, 'Connection minutes').monthlyCost)).toBe('2.50'); // 10M × $0.25 per 1M
    expect(cost(r.monthlyCost)).toBe('4.50');
  });
});
