import { awsAlb } from './aws/aws_alb.js';
import { awsAutoscalingGroup } from './aws/aws_autoscaling_group.js';
import { awsDataTransfer } from './aws/aws_data_transfer.js';
import { awsDbInstance } from './aws/aws_db_instance.js';
import { awsEbsSnapshot } from './aws/aws_ebs_snapshot.js';
import { awsEbsVolume } from './aws/aws_ebs_volume.js';
import { awsEip } from './aws/aws_eip.js';
import { awsElb } from './aws/aws_elb.js';
import { awsInstance } from './aws/aws_instance.js';
import { awsLb } from './aws/aws_lb.js';
import { awsNatGateway } from './aws/aws_nat_gateway.js';
import { FREE_TYPES, KNOWN_PRICED_TYPES } from './aws/catalog.js';
import { DATA_SERVICE_TYPES } from './aws/services-data.js';
import { PLATFORM_SERVICE_TYPES } from './aws/services-platform.js';
import type { ResourceType } from './types.js';

/**
 * Every resource type costdiff knows: priced (a resource file), free (AWS does not bill it) or
 * known but not supported yet. "Unsupported" is never shown as "free".
 */
const PRICED: ResourceType[] = [
  awsAlb,
  awsAutoscalingGroup,
  awsDataTransfer,
  awsDbInstance,
  awsEbsSnapshot,
  awsEbsVolume,
  awsEip,
  awsElb,
  awsInstance,
  awsLb,
  awsNatGateway,
  ...DATA_SERVICE_TYPES,
  ...PLATFORM_SERVICE_TYPES,
];

/** Free on their own: what they describe is billed through the resource that uses them. */
const BILLED_ELSEWHERE: Record<string, string> = {
  aws_launch_template: 'billed through the autoscaling group or instance that uses it',
  aws_launch_configuration: 'billed through the autoscaling group that uses it',
};

/** Pseudo resources that exist only in usage files. */
export const USAGE_ONLY_TYPES = new Set(['aws_data_transfer']);

const pricedByType = new Map(PRICED.map((t) => [t.type, t]));
const freeTypes = new Map<string, string | undefined>([
  ...FREE_TYPES.filter((t) => !pricedByType.has(t)).map((t): [string, string | undefined] => [t, undefined]),
  ...Object.entries(BILLED_ELSEWHERE),
]);
const knownPriced = new Set(KNOWN_PRICED_TYPES);

export type Classification =
  | { kind: 'priced'; resourceType: ResourceType }
  | { kind: 'free'; note?: string }
  | { kind: 'unsupported'; known: boolean };

export function classify(type: string): Classification {
  const resourceType = pricedByType.get(type);
  if (resourceType) return { kind: 'priced', resourceType };
  if (freeTypes.has(type)) return { kind: 'free', note: freeTypes.get(type) };
  return { kind: 'unsupported', known: knownPriced.has(type) };
}

export function pricedTypes(): readonly ResourceType[] {
  return PRICED;
}

export function freeTypeNames(): string[] {
  return [...freeTypes.keys()].sort();
}

/** Known to cost money on AWS, but without a resource file yet. */
export function unsupportedKnownTypes(): string[] {
  return [...knownPriced].filter((t) => !pricedByType.has(t) && !freeTypes.has(t)).sort();
}
