import { fromUsage, usageLine } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { InvalidValueError } from '../view.js';
import { apiGatewayProduct } from './shared/prices-data.js';
import { chunkedRequests } from './shared/usage-math.js';

/**
 * An API Gateway v2 API. HTTP APIs bill requests, each started 512 KB counting as one; WebSocket
 * APIs bill messages (per started 32 KB) and connection minutes. Tiers are the price's own.
 */
export const awsApigatewayv2Api: ResourceType = {
  type: 'aws_apigatewayv2_api',
  usageKeys: [
    { key: 'monthly_requests', description: 'HTTP API requests per month' },
    { key: 'request_size_kb', description: 'average HTTP request size, KB (each started 512 KB is billed as a request)' },
    { key: 'monthly_messages', description: 'WebSocket messages per month' },
    { key: 'message_size_kb', description: 'average WebSocket message size, KB (each started 32 KB is billed as a message)' },
    { key: 'monthly_connection_mins', description: 'WebSocket connection minutes per month' },
  ],
  costs(r) {
    const protocol = r.str('protocol_type');
    const assumptions: string[] = [];
    if (protocol === 'HTTP') {
      return {
        components: [
          {
            name: 'Requests',
            unit: 'requests',
            price: apiGatewayProduct(r.region, 'API Calls', 'ApiGatewayHttpRequest'),
            quantity: fromUsage(chunkedRequests(r, 'monthly_requests', 'request_size_kb', 512, assumptions)),
            usageBased: true,
          },
        ],
        assumptions,
      };
    }
    if (protocol === 'WEBSOCKET') {
      return {
        components: [
          {
            name: 'Messages',
            unit: 'messages',
            price: apiGatewayProduct(r.region, 'WebSocket', 'ApiGatewayMessage'),
            quantity: fromUsage(chunkedRequests(r, 'monthly_messages', 'message_size_kb', 32, assumptions)),
            usageBased: true,
          },
          usageLine(r, 'monthly_connection_mins', { name: 'Connection minutes', unit: 'minutes', price: apiGatewayProduct(r.region, 'WebSocket', 'ApiGatewayMinute') }),
        ],
        assumptions,
      };
    }
    throw new InvalidValueError(`protocol_type "${protocol ?? ''}" is not HTTP or WEBSOCKET`);
  },
};
