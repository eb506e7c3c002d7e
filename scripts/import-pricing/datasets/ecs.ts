import { meteredDataset, type Mapped } from '../metered.js';

/**
 * feeds/ecs_pricing.csv → AmazonECS Fargate, productFamily "Compute", by usagetype: x86 and ARM
 * vCPU-hours and GB-hours, and ephemeral storage above the free 20 GB. Windows tasks and the
 * feed's "per hour" key (ECS Anywhere instances; the perGB rate in four regions) stay under their
 * feed keys: no resource prices them yet.
 */
const compute = (usagetype: string, unit: string): Mapped => ({ family: 'Compute', attributes: { usagetype }, unit });

const ENTRIES: Record<string, Mapped> = {
  'perCPU per hour': compute('Fargate-vCPU-Hours:perCPU', 'vCPU-Hours'),
  'perGB per hour': compute('Fargate-GB-Hours', 'GB-Hours'),
  'ARM perCPU per hour': compute('Fargate-ARM-vCPU-Hours:perCPU', 'vCPU-Hours'),
  'ARM perGB per hour': compute('Fargate-ARM-GB-Hours', 'GB-Hours'),
  'Storage per GB-Hours': compute('Fargate-EphemeralStorage-GB-Hours', 'GB-Hours'),
};

export const ecs = { ...meteredDataset('ecs_pricing.csv', (key) => ENTRIES[key], 'AmazonECS'), bundled: true };
