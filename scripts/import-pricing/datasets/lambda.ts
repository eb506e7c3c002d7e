import { meteredDataset } from '../metered.js';

/** lambda_pricing.csv: imported with feed keys only until a resource needs its prices mapped. */
export const lambda = meteredDataset('lambda_pricing.csv', () => undefined);
