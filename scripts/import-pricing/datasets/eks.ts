import { meteredDataset, table, type Mapped } from '../metered.js';

/**
 * eks_pricing.csv: cluster hours, the extended-support surcharge and EKS Fargate. The Price List
 * files all of them under productFamily "Compute", told apart by usagetype. "Compute per hours"
 * (lower case, 18 regions) is another product at the same price and keeps its feed key.
 */
const compute = (usagetype: string): Mapped => ({ family: 'Compute', attributes: { usagetype } });

export const eks = meteredDataset(
  'eks_pricing.csv',
  table({
    'Compute per Hours': compute('AmazonEKS-Hours:perCluster'),
    'Compute ExtendedSupport per Hours': compute('AmazonEKS-Hours:extendedSupport'),
    'Fargate perCPU per hours': compute('Fargate-vCPU-Hours:perCPU'),
    'Fargate perGB per hours': compute('Fargate-GB-Hours'),
  }),
);
