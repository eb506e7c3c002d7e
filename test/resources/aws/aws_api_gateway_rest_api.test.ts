import { monthlyQuantity } from '../../../src/estimate/cost.js';
import { awsApiGatewayRestApi } from '../../../src/resources/aws/aws_api_gateway_rest_api.js';
import { ResourceView } from '../../../src/resources/view.js';
import { component, cost, estimateOne } from '../../support/estimate.js';

describe('aws_api_gateway_rest_api', () => {
  it('asks for the tiered REST API request price with the monthly requests', () => {
    const view = new ResourceView({ address: 'aws_api_gateway_rest_api.api', type: 'aws_api_gateway_rest_api', region: 'us-east-2', values: { name: 'api' }, usage: { monthly_requests: 400_000_000 } });
    const [requests] = awsApiGatewayRestApi.costs(view).components;
    expect(requests.price).toMatchObject({ service: 'AmazonApiGateway', region: 'us-east-2', productFamily: 'API Calls', attributes: { usagetype: 'ApiGatewayRequest' } });
    expect(requests.unit).toBe('requests');
    expect(monthlyQuantity(requests)?.toString()).toBe('400000000');
  });

  it('prices requests across the tiers from the snapshot', async () => {
    const r = await estimateOne('aws_api_gateway_rest_api', { name: 'api' }, { monthly_requests: 400_000_000 });
    // First 333M × $3.50 per 1M = 1,165.50; next 67M × $2.80 per 1M = 187.60.
    expect(cost(component(r, 'Requests').monthlyCost)).toBe('1353.10');
    expect(component(r, 'Requests').provenance[0]).toMatchObject({ source: 'github.com/lamngockhuong/aws-price@10e2f598c09f:lib/data/pricing/apigateway.json', date: '2025-10-20' });
  });

  it('without usage: listed, at $0, with the price per request', async () => {
    const r = await estimateOne('aws_api_gateway_rest_api', { name: 'api' });
    expect([component(r, 'Requests').monthlyCost, component(r, 'Requests').unitPrice.toString()]).toEqual([null, '0.0000035']);
  });
});
