import type { ResourceType } from '../types.js';
import { awsApiGatewayRestApi } from './aws_api_gateway_rest_api.js';
import { awsApigatewayv2Api } from './aws_apigatewayv2_api.js';
import { awsBackupVault } from './aws_backup_vault.js';
import { awsCloudfrontDistribution } from './aws_cloudfront_distribution.js';
import { awsCloudwatchCompositeAlarm } from './aws_cloudwatch_composite_alarm.js';
import { awsCloudwatchDashboard } from './aws_cloudwatch_dashboard.js';
import { awsCloudwatchLogGroup } from './aws_cloudwatch_log_group.js';
import { awsCloudwatchMetricAlarm } from './aws_cloudwatch_metric_alarm.js';
import { awsDynamodbTable } from './aws_dynamodb_table.js';
import { awsEcrRepository } from './aws_ecr_repository.js';
import { awsKinesisStream } from './aws_kinesis_stream.js';
import { awsKmsKey } from './aws_kms_key.js';
import { awsLambdaFunction } from './aws_lambda_function.js';
import { awsLambdaProvisionedConcurrencyConfig } from './aws_lambda_provisioned_concurrency_config.js';
import { awsRoute53HealthCheck } from './aws_route53_health_check.js';
import { awsRoute53Record } from './aws_route53_record.js';
import { awsRoute53Zone } from './aws_route53_zone.js';
import { awsS3Bucket } from './aws_s3_bucket.js';
import { awsSecretsmanagerSecret } from './aws_secretsmanager_secret.js';
import { awsSfnStateMachine } from './aws_sfn_state_machine.js';
import { awsSnsTopic } from './aws_sns_topic.js';
import { awsSqsQueue } from './aws_sqs_queue.js';

/** Serverless, storage, messaging and edge services (Lambda, S3, DynamoDB, CloudWatch, …). */
export const DATA_SERVICE_TYPES: ResourceType[] = [
  awsApiGatewayRestApi,
  awsApigatewayv2Api,
  awsBackupVault,
  awsCloudfrontDistribution,
  awsCloudwatchCompositeAlarm,
  awsCloudwatchDashboard,
  awsCloudwatchLogGroup,
  awsCloudwatchMetricAlarm,
  awsDynamodbTable,
  awsEcrRepository,
  awsKinesisStream,
  awsKmsKey,
  awsLambdaFunction,
  awsLambdaProvisionedConcurrencyConfig,
  awsRoute53HealthCheck,
  awsRoute53Record,
  awsRoute53Zone,
  awsS3Bucket,
  awsSecretsmanagerSecret,
  awsSfnStateMachine,
  awsSnsTopic,
  awsSqsQueue,
];
