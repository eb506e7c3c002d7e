import { monthlyQuantity } from '../../../src/estimate/cost.js';
import { awsApiGatewayRestApi } from '../../../src/resources/aws/aws_api_gateway_rest_api.js';
import { ResourceView } from '../../../src/resources/view.js';
import { estimateOne } from '../../support/estimate.js';

describe('aws_api_gateway_rest_api (online-only: API Gateway is not in the snapshot)', () => {
  it('asks for the tiered REST API request price with the monthly requests', () => {
    const view = new ResourceView({ address: 'aws_api_gateway_rest_api.api', type: 'aws_api_gateway_rest_api', region: 'us-east-2', values: { name: 'api' }, usage: { monthly_requests: 400_000_000 } });
    const [requests] = awsApiGatewayRestApi.costs(view).components;
    expect(requests.price).toMatchObject({ service: 'AmazonApiGateway', region: 'us-east-2', productFamily: 'API Calls', attributes: { usagetype: 'ApiGatewayRequest' } });
    expect(requests.unit).toBe('requests');
    expect(monthlyQuantity(requests)?.toString()).toBe('400000000');
  });

  it('is reported unpriced offline, and shows nothing as a cost', async () => {
    const r = await estimateOne('aws_api_gateway_rest_api', { name: 'api' }, { monthly_requests: 1_000_000 });
    expect(r.monthlyCost).toBeNull();
    expect(r.unpriced[0]).toEqual({ component: 'Requests', reason: expect.stringMatching(/not in pricing cache for us-east-1 \(AmazonApiGateway\)/) });
  });
});
