import type { Dataset } from '../metered.js';
import { apigateway } from './apigateway.js';
import { cloudfront } from './cloudfront.js';
import { dynamodb } from './dynamodb.js';
import { ecs } from './ecs.js';
import { efs } from './efs.js';
import { eks } from './eks.js';
import { kinesis } from './kinesis.js';
import { kms } from './kms.js';
import { lambda } from './lambda.js';
import { msk } from './msk.js';
import { redshift } from './redshift.js';
import { route53 } from './route53.js';
import { s3 } from './s3.js';
import { sns } from './sns.js';

/** One file per service dataset; each maps its feed keys to Price List attributes. */
export const SERVICE_DATASETS: Dataset[] = [apigateway, cloudfront, dynamodb, ecs, efs, eks, kinesis, kms, lambda, msk, redshift, route53, s3, sns];
