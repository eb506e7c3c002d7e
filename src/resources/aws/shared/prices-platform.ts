import type { PriceQuery } from '../../../pricing/types.js';
import { onDemandQuery } from './prices.js';
import { InvalidValueError, type ResourceView } from '../../view.js';

/**
 * Price List queries for databases, caches, containers and networking. Vocabulary is the Price
 * List's own (service codes, productFamily, usagetype without the region prefix), so a query the
 * shipped snapshot cannot answer is answered online by `GetProducts` unchanged.
 */

// --- Aurora (AmazonRDS). Not in the snapshot: priced online only. ------------------------------

export type AuroraEngine = 'Aurora MySQL' | 'Aurora PostgreSQL';

/** Terraform engine names of Aurora → Price List databaseEngine. */
export const AURORA_ENGINES: Record<string, AuroraEngine> = {
  aurora: 'Aurora MySQL',
  'aurora-mysql': 'Aurora MySQL',
  'aurora-postgresql': 'Aurora PostgreSQL',
};

export function auroraEngine(name: string): AuroraEngine {
  const engine = AURORA_ENGINES[name];
  if (!engine) throw new InvalidValueError(`engine "${name}" is not an Aurora engine (Multi-AZ DB clusters of ${name} are not priced yet)`);
  return engine;
}

/** I/O-Optimized clusters pay more for storage and instances and nothing per I/O. */
export function isIoOptimized(cluster: ResourceView): boolean {
  return cluster.optStr('storage_type', '') === 'aurora-iopt1';
}

/** Aurora instances: I/O-Optimized clusters bill their instances under their own usagetype. */
export function auroraInstanceHours(region: string, databaseEngine: AuroraEngine, instanceType: string, ioOptimized: boolean): PriceQuery {
  return onDemandQuery('AmazonRDS', region, 'Database Instance', {
    databaseEngine,
    deploymentOption: 'Single-AZ',
    instanceType,
    usagetype: `${ioOptimized ? 'InstanceUsageIOOptimized' : 'InstanceUsage'}:${instanceType}`,
  });
}

export function auroraServerlessV2(region: string, databaseEngine: AuroraEngine, ioOptimized: boolean): PriceQuery {
  return onDemandQuery('AmazonRDS', region, 'ServerlessV2', {
    databaseEngine,
    usagetype: ioOptimized ? 'Aurora:ServerlessV2IOOptimizedUsage' : 'Aurora:ServerlessV2Usage',
  });
}

/** Aurora Serverless v1 (engine_mode = "serverless"). */
export function auroraServerlessV1(region: string, databaseEngine: AuroraEngine): PriceQuery {
  return onDemandQuery('AmazonRDS', region, 'Serverless', { databaseEngine, usagetype: 'Aurora:ServerlessUsage' });
}

// Storage, I/O and backups are one price for both Aurora engines; some regions file them under
// databaseEngine "Any", so the usagetype alone identifies them.
export function auroraStorage(region: string, ioOptimized: boolean): PriceQuery {
  return onDemandQuery('AmazonRDS', region, 'Database Storage', { usagetype: ioOptimized ? 'Aurora:IO-OptimizedStorageUsage' : 'Aurora:StorageUsage' });
}

export function auroraIoRequests(region: string): PriceQuery {
  return onDemandQuery('AmazonRDS', region, 'System Operation', { usagetype: 'Aurora:StorageIOUsage' });
}

export function auroraBackupStorage(region: string): PriceQuery {
  return onDemandQuery('AmazonRDS', region, 'Storage Snapshot', { usagetype: 'Aurora:BackupUsage' });
}

// --- ElastiCache -----------------------------------------------------------------------------

export type CacheEngine = 'Redis' | 'Valkey' | 'Memcached';

export function elasticacheNodeHours(region: string, cacheEngine: CacheEngine, instanceType: string): PriceQuery {
  return onDemandQuery('AmazonElastiCache', region, 'Cache Instance', { cacheEngine, instanceType });
}

export function elasticacheBackupStorage(region: string): PriceQuery {
  return onDemandQuery('AmazonElastiCache', region, 'Storage Snapshot', {});
}

// --- EKS and Fargate -------------------------------------------------------------------------

export function eksClusterHours(region: string, extendedSupport: boolean): PriceQuery {
  return onDemandQuery('AmazonEKS', region, 'Compute', { usagetype: extendedSupport ? 'AmazonEKS-Hours:extendedSupport' : 'AmazonEKS-Hours:perCluster' });
}

export type FargateDimension = 'vCPU' | 'memory' | 'ephemeral storage';

/**
 * Fargate vCPU-hours and GB-hours. EKS and ECS Fargate are separate Price List services
 * (AmazonEKS, AmazonECS) with the same usagetypes; ARM (Graviton) tasks are ECS-only products.
 */
export function fargate(service: 'AmazonEKS' | 'AmazonECS', region: string, dimension: FargateDimension, arm = false): PriceQuery {
  const arch = arm ? 'ARM-' : '';
  const usagetype =
    dimension === 'vCPU' ? `Fargate-${arch}vCPU-Hours:perCPU` : dimension === 'memory' ? `Fargate-${arch}GB-Hours` : 'Fargate-EphemeralStorage-GB-Hours';
  return onDemandQuery(service, region, 'Compute', { usagetype });
}

// --- VPC: endpoints, transit gateway, site-to-site VPN ----------------------------------------

export function vpcEndpoint(region: string, usagetype: 'VpcEndpoint-Hours' | 'VpcEndpoint-Bytes' | 'VpcEndpoint-GWLBE:Hours' | 'VpcEndpoint-GWLBE:Bytes'): PriceQuery {
  return onDemandQuery('AmazonVPC', region, 'VPC Endpoint', { usagetype });
}

/** Transit gateway attachments: operation names the attachment kind (TransitGatewayVPC, TransitGatewayVPN). */
export function transitGateway(region: string, operation: 'TransitGatewayVPC' | 'TransitGatewayVPN', usagetype: 'TransitGateway-Hours' | 'TransitGateway-Bytes'): PriceQuery {
  return onDemandQuery('AmazonVPC', region, 'Transit Gateway', { operation, usagetype });
}

export function vpnConnectionHours(region: string): PriceQuery {
  return onDemandQuery('AmazonVPC', region, 'Cloud Connectivity', { usagetype: 'VPN-Usage-Hours:ipsec.1' });
}

// --- EFS -------------------------------------------------------------------------------------

export function efsStorage(region: string, usagetype: string): PriceQuery {
  return onDemandQuery('AmazonEFS', region, 'Storage', { usagetype });
}

export function efsDataAccess(region: string, usagetype: string, accessType: 'Read' | 'Write'): PriceQuery {
  return onDemandQuery('AmazonEFS', region, undefined, { accessType, usagetype });
}

export function efsProvisionedThroughput(region: string): PriceQuery {
  return onDemandQuery('AmazonEFS', region, 'Provisioned Throughput', { usagetype: 'ProvisionedTP-MiBpsHrs' });
}

// --- Services not in the snapshot: MSK, OpenSearch, Redshift, MQ, Transfer Family --------------

const MSK_FAMILY = 'Managed Streaming for Apache Kafka (MSK)';

/** Terraform's kafka.m5.large is billed as usagetype Kafka.m5.large. */
export function mskBrokerHours(region: string, instanceType: string): PriceQuery {
  return onDemandQuery('AmazonMSK', region, MSK_FAMILY, { usagetype: `Kafka.${instanceType.replace(/^kafka\./, '')}` });
}

export function mskStorage(region: string): PriceQuery {
  return onDemandQuery('AmazonMSK', region, MSK_FAMILY, { usagetype: 'Kafka.Storage.GP2' });
}

/** OpenSearch (and legacy Elasticsearch) instances: the Price List names types *.search. */
export function searchInstanceHours(region: string, instanceType: string): PriceQuery {
  const search = instanceType.replace(/\.elasticsearch$/, '.search');
  return onDemandQuery('AmazonES', region, 'Amazon OpenSearch Service Instance', {
    instanceType: search,
    usagetype: `ESInstance:${search.replace(/\.search$/, '')}`,
  });
}

/** storageMedia: GP2, GP3, PIOPS-Storage (io1 GB), PIOPS (io1 IOPS), Magnetic. */
export function searchVolume(region: string, storageMedia: string): PriceQuery {
  return onDemandQuery('AmazonES', region, 'Amazon OpenSearch Service Volume', { storageMedia });
}

export function redshiftNodeHours(region: string, instanceType: string): PriceQuery {
  return onDemandQuery('AmazonRedshift', region, 'Compute Instance', { instanceType });
}

export function redshiftProduct(region: string, productFamily: string, attributes: Record<string, string> = {}): PriceQuery {
  return onDemandQuery('AmazonRedshift', region, productFamily, attributes);
}

export function mqBrokerHours(region: string, brokerEngine: string, instanceType: string, deploymentOption: 'Single-AZ' | 'Multi-AZ'): PriceQuery {
  return onDemandQuery('AmazonMQ', region, 'Broker Instances', { brokerEngine, deploymentOption, instanceType });
}

export function mqStorage(region: string, usagetype: string): PriceQuery {
  return onDemandQuery('AmazonMQ', region, 'Broker Storage', { usagetype });
}

const TRANSFER_FAMILY = 'AWS Transfer Family';

/** Protocol hours; S3 and EFS domains bill the same, and only S3 is listed for every protocol. */
export function transferProtocolHours(region: string, protocol: string): PriceQuery {
  return onDemandQuery('AWSTransfer', region, TRANSFER_FAMILY, { operation: `${protocol}:S3`, usagetype: 'ProtocolHours' });
}

export function transferData(region: string, usagetype: 'DownloadBytes' | 'UploadBytes'): PriceQuery {
  return onDemandQuery('AWSTransfer', region, TRANSFER_FAMILY, { operation: 'FTP:S3', usagetype });
}
