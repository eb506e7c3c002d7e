import { meteredDataset, table, type Mapped } from '../metered.js';

/**
 * kms_pricing.csv → awskms products by `usagetype`. "GenerateDatakeyPair RSA" stays unmapped: the
 * dataset README records a conflict between sources for it (treat as unverified), so it is priced
 * online only.
 */
const requests = (usagetype: string): Mapped => ({ attributes: { usagetype }, unit: 'Requests' });

export const kms = meteredDataset(
  'kms_pricing.csv',
  table({
    'Encryption Key': { family: 'Encryption Key', attributes: { usagetype: 'KMS-Keys' }, unit: 'Key-Mo' },
    'API request - Non Free Tier': requests('KMS-Requests'),
    'Asymmetric Requests RSA_2048': requests('KMS-Requests-Asymmetric-RSA_2048'),
    'Asymmetric Requests except RSA_2048API': requests('KMS-Requests-Asymmetric'),
    'API Requests GenerateDatakeyPair ECC': requests('KMS-Requests-GenerateDatakeyPair-ECC'),
  }),
);
