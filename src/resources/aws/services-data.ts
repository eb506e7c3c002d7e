import type { ResourceType } from '../types.js';

/** Serverless, storage, messaging and edge services (Lambda, S3, DynamoDB, CloudWatch, …). */
export const DATA_SERVICE_TYPES: ResourceType[] = [];
