import { meteredDataset } from '../metered.js';

/** route53_pricing.csv: imported with feed keys only until a resource needs its prices mapped. */
export const route53 = meteredDataset('route53_pricing.csv', () => undefined);
