import { meteredDataset } from '../metered.js';

/** efs_pricing.csv: imported with feed keys only until a resource needs its prices mapped. */
export const efs = meteredDataset('efs_pricing.csv', () => undefined);
