import { mapped, meteredDataset, type Mapped } from '../metered.js';

/**
 * feeds/apigateway_pricing.csv → AmazonApiGateway, by the Price List's usagetype (without the
 * region prefix). Request and message prices are tiered; the bounds are the ones the feed's keys
 * state (REST: first 333 million, next 667 million, next 19 billion, over 20 billion; HTTP APIs:
 * first 300 million; WebSocket messages: first 1 billion). Cache sizes are not mapped: no
 * resource prices a stage cache yet, so they stay under their feed keys.
 *
 * The upstream feed gives the first two REST tiers one rate code and price in a few regions
 * (sa-east-1, ap-southeast-2, ap-southeast-4, ap-southeast-6); they are imported as written.
 */
const calls = (usagetype: string, start?: string, end?: string): Mapped => mapped('API Calls', { usagetype }, 'Requests', start, end);
const websocket = (usagetype: string, unit: string, start?: string, end?: string): Mapped => mapped('WebSocket', { usagetype }, unit, start, end);

const ENTRIES: Record<string, Mapped> = {
  'API Calls Number of up to 333 million': calls('ApiGatewayRequest', undefined, '333000000'),
  'API Calls Number of Request Next 667 million': calls('ApiGatewayRequest', '333000000', '1000000000'),
  'API Calls Number of Request Next 19 billion': calls('ApiGatewayRequest', '1000000000', '20000000000'),
  'API Calls Number of Request Over 20 billion': calls('ApiGatewayRequest', '20000000000'),
  'ApiGatewayHttpApi First 300 million': calls('ApiGatewayHttpRequest', undefined, '300000000'),
  'ApiGatewayHttpApi more than 300 million': calls('ApiGatewayHttpRequest', '300000000'),
  'WebSocket Messages Messages first 1 billion': websocket('ApiGatewayMessage', 'Messages', undefined, '1000000000'),
  'WebSocket Messages Messages over 1 billion': websocket('ApiGatewayMessage', 'Messages', '1000000000'),
  'WebSocket Connection Minutes': websocket('ApiGatewayMinute', 'Minutes'),
};

export const apigateway = { ...meteredDataset('apigateway_pricing.csv', (key) => ENTRIES[key], 'AmazonApiGateway'), bundled: true };
