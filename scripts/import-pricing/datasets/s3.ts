import { meteredDataset } from '../metered.js';

/** s3_pricing.csv: imported with feed keys only until a resource needs its prices mapped. */
export const s3 = meteredDataset('s3_pricing.csv', () => undefined);
