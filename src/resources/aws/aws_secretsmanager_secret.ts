import { perMonth, usageLine } from '../quantity.js';
import type { ResourceType, SubresourceSpec } from '../types.js';
import { secretsManagerProduct } from './shared/prices-data.js';

/** A secret: one secret-month, plus API requests from usage. Each replica is billed as a secret in its region. */
export const awsSecretsmanagerSecret: ResourceType = {
  type: 'aws_secretsmanager_secret',
  usageKeys: [{ key: 'monthly_requests', description: 'API requests per month' }],
  costs(r) {
    const replicas: SubresourceSpec[] = r.isUnknown('replica')
      ? []
      : r.blocks('replica').map((replica) => {
          const region = replica.str('region');
          return {
            name: `Replica (${region ?? 'unknown region'})`,
            components: region ? [{ name: 'Secret', unit: 'months', price: secretsManagerProduct(region, 'Secret'), quantity: perMonth(1) }] : [],
            unpriced: region ? [] : [{ component: 'Secret', reason: 'the replica region is not set' }],
          };
        });
    return {
      components: [
        { name: 'Secret', unit: 'months', price: secretsManagerProduct(r.region, 'Secret'), quantity: perMonth(1) },
        usageLine(r, 'monthly_requests', { name: 'API requests', unit: 'requests', price: secretsManagerProduct(r.region, 'API Request') }),
      ],
      subresources: replicas,
    };
  },
};
