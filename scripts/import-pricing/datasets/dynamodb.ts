import { meteredDataset } from '../metered.js';

/** dynamodb_pricing.csv: imported with feed keys only until a resource needs its prices mapped. */
export const dynamodb = meteredDataset('dynamodb_pricing.csv', () => undefined);
