import { meteredDataset } from '../metered.js';

/** eks_pricing.csv: imported with feed keys only until a resource needs its prices mapped. */
export const eks = meteredDataset('eks_pricing.csv', () => undefined);
