import { usageLine } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { ecrStorage } from './shared/prices-data.js';

/** An ECR repository: image storage per GB-month, from usage. */
export const awsEcrRepository: ResourceType = {
  type: 'aws_ecr_repository',
  usageKeys: [{ key: 'storage_gb', description: 'GB of images stored' }],
  costs(r) {
    return {
      components: [usageLine(r, 'storage_gb', { name: 'Storage', unit: 'GB-months', price: ecrStorage(r.region) })],
    };
  },
};
