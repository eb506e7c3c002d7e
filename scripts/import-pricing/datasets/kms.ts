import { meteredDataset } from '../metered.js';

/** kms_pricing.csv: imported with feed keys only until a resource needs its prices mapped. */
export const kms = meteredDataset('kms_pricing.csv', () => undefined);
