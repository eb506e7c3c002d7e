import { meteredDataset } from '../metered.js';

/** sns_pricing.csv: imported with feed keys only until a resource needs its prices mapped. */
export const sns = meteredDataset('sns_pricing.csv', () => undefined);
