import { FREE_TYPES, KNOWN_PRICED_TYPES } from './aws/catalog.js';
import type { ResourceType } from './types.js';

/**
 * Every resource type costdiff knows: priced (a resource file), free (AWS does not bill it) or
 * known but not supported yet. "Unsupported" is never shown as "free".
 *
 * Resource files are loaded on demand: a plan with five types compiles five files, not fifty,
 * which keeps a small breakdown close to node's own start-up time. Adding a type is one line here.
 */
const PRICED: Record<string, () => Promise<ResourceType>> = {
  aws_alb: () => import('./aws/aws_alb.js').then((m) => m.awsAlb),
  aws_api_gateway_rest_api: () => import('./aws/aws_api_gateway_rest_api.js').then((m) => m.awsApiGatewayRestApi),
  aws_apigatewayv2_api: () => import('./aws/aws_apigatewayv2_api.js').then((m) => m.awsApigatewayv2Api),
  aws_autoscaling_group: () => import('./aws/aws_autoscaling_group.js').then((m) => m.awsAutoscalingGroup),
  aws_backup_vault: () => import('./aws/aws_backup_vault.js').then((m) => m.awsBackupVault),
  aws_cloudfront_distribution: () => import('./aws/aws_cloudfront_distribution.js').then((m) => m.awsCloudfrontDistribution),
  aws_cloudwatch_composite_alarm: () => import('./aws/aws_cloudwatch_composite_alarm.js').then((m) => m.awsCloudwatchCompositeAlarm),
  aws_cloudwatch_dashboard: () => import('./aws/aws_cloudwatch_dashboard.js').then((m) => m.awsCloudwatchDashboard),
  aws_cloudwatch_log_group: () => import('./aws/aws_cloudwatch_log_group.js').then((m) => m.awsCloudwatchLogGroup),
  aws_cloudwatch_metric_alarm: () => import('./aws/aws_cloudwatch_metric_alarm.js').then((m) => m.awsCloudwatchMetricAlarm),
  aws_data_transfer: () => import('./aws/aws_data_transfer.js').then((m) => m.awsDataTransfer),
  aws_db_instance: () => import('./aws/aws_db_instance.js').then((m) => m.awsDbInstance),
  aws_dynamodb_table: () => import('./aws/aws_dynamodb_table.js').then((m) => m.awsDynamodbTable),
  aws_ebs_snapshot: () => import('./aws/aws_ebs_snapshot.js').then((m) => m.awsEbsSnapshot),
  aws_ebs_volume: () => import('./aws/aws_ebs_volume.js').then((m) => m.awsEbsVolume),
  aws_ec2_transit_gateway_vpc_attachment: () => import('./aws/aws_ec2_transit_gateway_vpc_attachment.js').then((m) => m.awsEc2TransitGatewayVpcAttachment),
  aws_ecr_repository: () => import('./aws/aws_ecr_repository.js').then((m) => m.awsEcrRepository),
  aws_ecs_service: () => import('./aws/aws_ecs_service.js').then((m) => m.awsEcsService),
  aws_efs_file_system: () => import('./aws/aws_efs_file_system.js').then((m) => m.awsEfsFileSystem),
  aws_eip: () => import('./aws/aws_eip.js').then((m) => m.awsEip),
  aws_eks_cluster: () => import('./aws/aws_eks_cluster.js').then((m) => m.awsEksCluster),
  aws_eks_fargate_profile: () => import('./aws/aws_eks_fargate_profile.js').then((m) => m.awsEksFargateProfile),
  aws_eks_node_group: () => import('./aws/aws_eks_node_group.js').then((m) => m.awsEksNodeGroup),
  aws_elasticache_cluster: () => import('./aws/aws_elasticache_cluster.js').then((m) => m.awsElasticacheCluster),
  aws_elasticache_replication_group: () => import('./aws/aws_elasticache_replication_group.js').then((m) => m.awsElasticacheReplicationGroup),
  aws_elasticsearch_domain: () => import('./aws/aws_elasticsearch_domain.js').then((m) => m.awsElasticsearchDomain),
  aws_elb: () => import('./aws/aws_elb.js').then((m) => m.awsElb),
  aws_instance: () => import('./aws/aws_instance.js').then((m) => m.awsInstance),
  aws_kinesis_stream: () => import('./aws/aws_kinesis_stream.js').then((m) => m.awsKinesisStream),
  aws_kms_key: () => import('./aws/aws_kms_key.js').then((m) => m.awsKmsKey),
  aws_lambda_function: () => import('./aws/aws_lambda_function.js').then((m) => m.awsLambdaFunction),
  aws_lambda_provisioned_concurrency_config: () => import('./aws/aws_lambda_provisioned_concurrency_config.js').then((m) => m.awsLambdaProvisionedConcurrencyConfig),
  aws_lb: () => import('./aws/aws_lb.js').then((m) => m.awsLb),
  aws_mq_broker: () => import('./aws/aws_mq_broker.js').then((m) => m.awsMqBroker),
  aws_msk_cluster: () => import('./aws/aws_msk_cluster.js').then((m) => m.awsMskCluster),
  aws_nat_gateway: () => import('./aws/aws_nat_gateway.js').then((m) => m.awsNatGateway),
  aws_opensearch_domain: () => import('./aws/aws_opensearch_domain.js').then((m) => m.awsOpensearchDomain),
  aws_rds_cluster: () => import('./aws/aws_rds_cluster.js').then((m) => m.awsRdsCluster),
  aws_rds_cluster_instance: () => import('./aws/aws_rds_cluster_instance.js').then((m) => m.awsRdsClusterInstance),
  aws_redshift_cluster: () => import('./aws/aws_redshift_cluster.js').then((m) => m.awsRedshiftCluster),
  aws_route53_health_check: () => import('./aws/aws_route53_health_check.js').then((m) => m.awsRoute53HealthCheck),
  aws_route53_record: () => import('./aws/aws_route53_record.js').then((m) => m.awsRoute53Record),
  aws_route53_zone: () => import('./aws/aws_route53_zone.js').then((m) => m.awsRoute53Zone),
  aws_s3_bucket: () => import('./aws/aws_s3_bucket.js').then((m) => m.awsS3Bucket),
  aws_secretsmanager_secret: () => import('./aws/aws_secretsmanager_secret.js').then((m) => m.awsSecretsmanagerSecret),
  aws_sfn_state_machine: () => import('./aws/aws_sfn_state_machine.js').then((m) => m.awsSfnStateMachine),
  aws_sns_topic: () => import('./aws/aws_sns_topic.js').then((m) => m.awsSnsTopic),
  aws_sqs_queue: () => import('./aws/aws_sqs_queue.js').then((m) => m.awsSqsQueue),
  aws_transfer_server: () => import('./aws/aws_transfer_server.js').then((m) => m.awsTransferServer),
  aws_vpc_endpoint: () => import('./aws/aws_vpc_endpoint.js').then((m) => m.awsVpcEndpoint),
  aws_vpn_connection: () => import('./aws/aws_vpn_connection.js').then((m) => m.awsVpnConnection),
};

/** Free on their own: what they describe is billed through the resource that uses them. */
const BILLED_ELSEWHERE: Record<string, string> = {
  aws_launch_template: 'billed through the autoscaling group or instance that uses it',
  aws_launch_configuration: 'billed through the autoscaling group that uses it',
};

/** Pseudo resources that exist only in usage files. */
export const USAGE_ONLY_TYPES = new Set(['aws_data_transfer']);

const freeTypes = new Map<string, string | undefined>([
  ...FREE_TYPES.filter((t) => !(t in PRICED)).map((t): [string, string | undefined] => [t, undefined]),
  ...Object.entries(BILLED_ELSEWHERE),
]);
const knownPriced = new Set(KNOWN_PRICED_TYPES);
const loaded = new Map<string, ResourceType>();

export type Classification = { kind: 'priced' } | { kind: 'free'; note?: string } | { kind: 'unsupported'; known: boolean };

export function classify(type: string): Classification {
  if (Object.hasOwn(PRICED, type)) return { kind: 'priced' };
  if (freeTypes.has(type)) return { kind: 'free', note: freeTypes.get(type) };
  return { kind: 'unsupported', known: knownPriced.has(type) };
}

/**
 * From this many types on, loading all fifty in one module is faster than one file at a time
 * (about 40 ms against 1.3 ms per file, measured with bench/; a 50-resource plan has 7).
 */
const BULK_LOAD_FROM = 24;

/** Loads the resource files of the given types (unknown and free types are ignored). */
export async function loadResourceTypes(types: Iterable<string>): Promise<void> {
  const wanted = [...new Set(types)].filter((t) => Object.hasOwn(PRICED, t) && !loaded.has(t));
  if (wanted.length >= BULK_LOAD_FROM) {
    const { ALL_PRICED_TYPES } = await import('./aws/all.js');
    for (const t of wanted) if (ALL_PRICED_TYPES[t]) loaded.set(t, ALL_PRICED_TYPES[t]);
  }
  // One at a time: jest's ESM loader cannot link modules that load each other's dependencies
  // concurrently, and node resolves a handful of files just as fast in sequence.
  for (const t of wanted) {
    if (!loaded.has(t)) loaded.set(t, await PRICED[t]());
  }
}

/** A priced type's definition; its file must have been loaded with loadResourceTypes. */
export function resourceType(type: string): ResourceType {
  const definition = loaded.get(type);
  if (!definition) throw new Error(`resource type ${type} was not loaded`);
  return definition;
}

export function pricedTypeNames(): string[] {
  return Object.keys(PRICED).sort();
}

/** Every priced type's definition (loads them all: for listings and tests). */
export async function pricedTypes(): Promise<ResourceType[]> {
  await loadResourceTypes(pricedTypeNames());
  return pricedTypeNames().map(resourceType);
}

export function freeTypeNames(): string[] {
  return [...freeTypes.keys()].sort();
}

/** Known to cost money on AWS, but without a resource file yet. */
export function unsupportedKnownTypes(): string[] {
  return [...knownPriced].filter((t) => !Object.hasOwn(PRICED, t) && !freeTypes.has(t)).sort();
}
