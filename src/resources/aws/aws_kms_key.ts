import { fromUsage, perMonth, usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { kmsProduct } from './shared/prices-data.js';

/** Request price by key spec: symmetric and HMAC keys, RSA 2048, and the other asymmetric specs. */
function requestPrice(spec: string): { name: string; usagetype: string } {
  if (spec === 'SYMMETRIC_DEFAULT' || spec.startsWith('HMAC_')) return { name: 'Requests', usagetype: 'KMS-Requests' };
  if (spec === 'RSA_2048') return { name: 'Requests (RSA 2048)', usagetype: 'KMS-Requests-Asymmetric-RSA_2048' };
  return { name: 'Requests (asymmetric)', usagetype: 'KMS-Requests-Asymmetric' };
}

/**
 * A customer managed KMS key: a monthly key price plus API requests from usage, at the price of
 * the key's spec. GenerateDataKeyPair requests on symmetric keys have their own prices and are
 * shown when the usage file counts them.
 */
export const awsKmsKey: ResourceType = {
  type: 'aws_kms_key',
  usageKeys: [
    { key: 'monthly_requests', description: 'API requests per month' },
    { key: 'monthly_ecc_generate_data_key_pair_requests', description: 'GenerateDataKeyPair requests for ECC key pairs per month' },
    { key: 'monthly_rsa_generate_data_key_pair_requests', description: 'GenerateDataKeyPair requests for RSA key pairs per month' },
  ],
  costs(r) {
    const spec = r.optStr('key_spec', r.optStr('customer_master_key_spec', 'SYMMETRIC_DEFAULT'));
    const requests = requestPrice(spec);
    const components: CostComponentSpec[] = [
      { name: 'Customer managed key', unit: 'months', price: kmsProduct(r.region, 'KMS-Keys', 'Encryption Key'), quantity: perMonth(1) },
      usageLine(r, 'monthly_requests', { name: requests.name, unit: 'requests', price: kmsProduct(r.region, requests.usagetype) }),
    ];
    for (const [curve, key] of [
      ['ECC', 'monthly_ecc_generate_data_key_pair_requests'],
      ['RSA', 'monthly_rsa_generate_data_key_pair_requests'],
    ] as const) {
      const count = r.usageNum(key);
      if (count === undefined) continue;
      components.push({
        name: `${curve} GenerateDataKeyPair requests`,
        unit: 'requests',
        price: kmsProduct(r.region, `KMS-Requests-GenerateDatakeyPair-${curve}`),
        quantity: fromUsage(count),
        usageBased: true,
      });
    }
    return { components };
  },
};
