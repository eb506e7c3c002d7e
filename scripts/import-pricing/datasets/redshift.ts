import { mapped, meteredDataset } from '../metered.js';

/**
 * feeds/redshift_pricing.csv → AmazonRedshift node hours ("Compute Instance" by instanceType; the
 * feed writes "ra3 xlplus" for ra3.xlplus). Concurrency scaling, Serverless RPU-hours and
 * inter-region transfer stay under their feed keys; managed storage, Spectrum and backup storage
 * are not in the feed (priced online).
 */
const NODE = /^([a-z0-9]+) ([a-z0-9]+) OnDemand Compute Instance Current Generation$/;

export const redshift = {
  ...meteredDataset(
    'redshift_pricing.csv',
    (key) => {
      const node = NODE.exec(key);
      return node ? mapped('Compute Instance', { instanceType: `${node[1]}.${node[2]}` }, 'Hrs') : undefined;
    },
    'AmazonRedshift',
  ),
  bundled: true,
};
