import { usageLine } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { apiGatewayProduct } from './shared/prices-data.js';

/**
 * A REST API: requests per month from usage, at the tiered per-request price (the tiers are the
 * price's own). Caches are billed on aws_api_gateway_stage.
 */
export const awsApiGatewayRestApi: ResourceType = {
  type: 'aws_api_gateway_rest_api',
  usageKeys: [{ key: 'monthly_requests', description: 'API requests per month' }],
  costs(r) {
    return {
      components: [
        usageLine(r, 'monthly_requests', { name: 'Requests', unit: 'requests', price: apiGatewayProduct(r.region, 'API Calls', 'ApiGatewayRequest') }),
      ],
    };
  },
};
