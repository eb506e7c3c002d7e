/**
 * Every priced resource type, by Terraform type name: adding a type is its file, one import and
 * one line here, and its test. All are imported up front: each file is a small declaration, and
 * the shipped CLI is one bundle (see scripts/bundle.ts) where loading them on demand would cost
 * more than it saves.
 */
import type { ResourceType } from '../types.js';
import { awsAlb } from './aws_alb.js';
import { awsApiGatewayRestApi } from './aws_api_gateway_rest_api.js';
import { awsApigatewayv2Api } from './aws_apigatewayv2_api.js';
import { awsAutoscalingGroup } from './aws_autoscaling_group.js';
import { awsBackupVault } from './aws_backup_vault.js';
import { awsCloudfrontDistribution } from './aws_cloudfront_distribution.js';
import { awsCloudwatchCompositeAlarm } from './aws_cloudwatch_composite_alarm.js';
import { awsCloudwatchDashboard } from './aws_cloudwatch_dashboard.js';
import { awsCloudwatchLogGroup } from './aws_cloudwatch_log_group.js';
import { awsCloudwatchMetricAlarm } from './aws_cloudwatch_metric_alarm.js';
import { awsDataTransfer } from './aws_data_transfer.js';
import { awsDbInstance } from './aws_db_instance.js';
import { awsDynamodbTable } from './aws_dynamodb_table.js';
import { awsEbsSnapshot } from './aws_ebs_snapshot.js';
import { awsEbsVolume } from './aws_ebs_volume.js';
import { awsEc2TransitGatewayVpcAttachment } from './aws_ec2_transit_gateway_vpc_attachment.js';
import { awsEcrRepository } from './aws_ecr_repository.js';
import { awsEcsService } from './aws_ecs_service.js';
import { awsEfsFileSystem } from './aws_efs_file_system.js';
import { awsEip } from './aws_eip.js';
import { awsEksCluster } from './aws_eks_cluster.js';
import { awsEksFargateProfile } from './aws_eks_fargate_profile.js';
import { awsEksNodeGroup } from './aws_eks_node_group.js';
import { awsElasticacheCluster } from './aws_elasticache_cluster.js';
import { awsElasticacheReplicationGroup } from './aws_elasticache_replication_group.js';
import { awsElasticsearchDomain } from './aws_elasticsearch_domain.js';
import { awsElb } from './aws_elb.js';
import { awsInstance } from './aws_instance.js';
import { awsKinesisStream } from './aws_kinesis_stream.js';
import { awsKmsKey } from './aws_kms_key.js';
import { awsLambdaFunction } from './aws_lambda_function.js';
import { awsLambdaProvisionedConcurrencyConfig } from './aws_lambda_provisioned_concurrency_config.js';
import { awsLb } from './aws_lb.js';
import { awsMqBroker } from './aws_mq_broker.js';
import { awsMskCluster } from './aws_msk_cluster.js';
import { awsNatGateway } from './aws_nat_gateway.js';
import { awsOpensearchDomain } from './aws_opensearch_domain.js';
import { awsRdsCluster } from './aws_rds_cluster.js';
import { awsRdsClusterInstance } from './aws_rds_cluster_instance.js';
import { awsRedshiftCluster } from './aws_redshift_cluster.js';
import { awsRoute53HealthCheck } from './aws_route53_health_check.js';
import { awsRoute53Record } from './aws_route53_record.js';
import { awsRoute53Zone } from './aws_route53_zone.js';
import { awsS3Bucket } from './aws_s3_bucket.js';
import { awsSecretsmanagerSecret } from './aws_secretsmanager_secret.js';
import { awsSfnStateMachine } from './aws_sfn_state_machine.js';
import { awsSnsTopic } from './aws_sns_topic.js';
import { awsSqsQueue } from './aws_sqs_queue.js';
import { awsTransferServer } from './aws_transfer_server.js';
import { awsVpcEndpoint } from './aws_vpc_endpoint.js';
import { awsVpnConnection } from './aws_vpn_connection.js';

export const ALL_PRICED_TYPES: Record<string, ResourceType> = {
  aws_alb: awsAlb,
  aws_api_gateway_rest_api: awsApiGatewayRestApi,
  aws_apigatewayv2_api: awsApigatewayv2Api,
  aws_autoscaling_group: awsAutoscalingGroup,
  aws_backup_vault: awsBackupVault,
  aws_cloudfront_distribution: awsCloudfrontDistribution,
  aws_cloudwatch_composite_alarm: awsCloudwatchCompositeAlarm,
  aws_cloudwatch_dashboard: awsCloudwatchDashboard,
  aws_cloudwatch_log_group: awsCloudwatchLogGroup,
  aws_cloudwatch_metric_alarm: awsCloudwatchMetricAlarm,
  aws_data_transfer: awsDataTransfer,
  aws_db_instance: awsDbInstance,
  aws_dynamodb_table: awsDynamodbTable,
  aws_ebs_snapshot: awsEbsSnapshot,
  aws_ebs_volume: awsEbsVolume,
  aws_ec2_transit_gateway_vpc_attachment: awsEc2TransitGatewayVpcAttachment,
  aws_ecr_repository: awsEcrRepository,
  aws_ecs_service: awsEcsService,
  aws_efs_file_system: awsEfsFileSystem,
  aws_eip: awsEip,
  aws_eks_cluster: awsEksCluster,
  aws_eks_fargate_profile: awsEksFargateProfile,
  aws_eks_node_group: awsEksNodeGroup,
  aws_elasticache_cluster: awsElasticacheCluster,
  aws_elasticache_replication_group: awsElasticacheReplicationGroup,
  aws_elasticsearch_domain: awsElasticsearchDomain,
  aws_elb: awsElb,
  aws_instance: awsInstance,
  aws_kinesis_stream: awsKinesisStream,
  aws_kms_key: awsKmsKey,
  aws_lambda_function: awsLambdaFunction,
  aws_lambda_provisioned_concurrency_config: awsLambdaProvisionedConcurrencyConfig,
  aws_lb: awsLb,
  aws_mq_broker: awsMqBroker,
  aws_msk_cluster: awsMskCluster,
  aws_nat_gateway: awsNatGateway,
  aws_opensearch_domain: awsOpensearchDomain,
  aws_rds_cluster: awsRdsCluster,
  aws_rds_cluster_instance: awsRdsClusterInstance,
  aws_redshift_cluster: awsRedshiftCluster,
  aws_route53_health_check: awsRoute53HealthCheck,
  aws_route53_record: awsRoute53Record,
  aws_route53_zone: awsRoute53Zone,
  aws_s3_bucket: awsS3Bucket,
  aws_secretsmanager_secret: awsSecretsmanagerSecret,
  aws_sfn_state_machine: awsSfnStateMachine,
  aws_sns_topic: awsSnsTopic,
  aws_sqs_queue: awsSqsQueue,
  aws_transfer_server: awsTransferServer,
  aws_vpc_endpoint: awsVpcEndpoint,
  aws_vpn_connection: awsVpnConnection,
};
