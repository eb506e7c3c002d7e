/**
 * How each dataset in shared/pricing-sources maps onto Price List vocabulary.
 *
 * Resources ask for prices with Price List service codes, product families and attribute names,
 * so the same query can be answered by the shipped snapshot or by `GetProducts`. The datasets
 * come from pricing-page feeds keyed by free text, so this file is the one place where a feed key
 * becomes attributes. A row without a mapping is still imported, with only its verbatim
 * `feedKey`, so it stays visible (and mappable later) without ever matching a resource's query
 * by accident.
 *
 * `usagetype` values are written without the region prefix the Price List puts on them
 * (USE2-, EUW1-, …); the online client matches them on that suffix too.
 */

import { SERVICE_DATASETS } from './datasets/index.js';
import { meteredDataset, table, type Csv, type Dataset, type ImportRow, type Mapped } from './metered.js';

export type { Dataset, ImportRow } from './metered.js';

// ---------------------------------------------------------------------------------------------
// EC2 instances. Karpenter generates bare-metal prices from tenancy=Dedicated queries (see the
// dataset README), so its *.metal rows are recorded as Dedicated, never passed off as Shared. Where
// another source in the all-sources file has the same metal type, that row is imported as the
// Shared price, with its own provenance.
const ec2Row = (row: Csv, tenancy: 'Shared' | 'Dedicated'): ImportRow => {
  const metal = row.instance_type.includes('metal');
  return {
    service: 'AmazonEC2',
    region: row.region,
    family: metal ? 'Compute Instance (bare metal)' : 'Compute Instance',
    attributes: {
      instanceType: row.instance_type,
      operatingSystem: 'Linux',
      tenancy,
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
    },
    unit: 'Hrs',
    usd: row.usd_per_hour,
    source: row.source,
    date: row.source_date,
  };
};
const isKarpenterMetal = (row: Csv): boolean => row.instance_type.includes('metal') && row.source.includes('karpenter-provider-aws');

const ec2Instances: Dataset = {
  file: 'ec2_ondemand_linux.csv',
  rows(row) {
    return ec2Row(row, isKarpenterMetal(row) ? 'Dedicated' : 'Shared');
  },
};

/** Shared-tenancy metal prices from the other sources, for the types karpenter priced as Dedicated. */
const ec2SharedMetal: Dataset = {
  file: 'ec2_ondemand_linux_all_sources.csv',
  rows(row) {
    if (!row.instance_type.includes('metal') || row.source.includes('karpenter-provider-aws')) return undefined;
    return ec2Row(row, 'Shared');
  },
};

// ---------------------------------------------------------------------------------------------
// EBS lives under the AmazonEC2 service code in the Price List.
const volume = (volumeApiName: string): Mapped => ({
  service: 'AmazonEC2', family: 'Storage', attributes: { volumeApiName }, unit: 'GB-Mo',
});
const iops = (group: string, volumeApiName: string): Mapped => ({
  service: 'AmazonEC2', family: 'System Operation', attributes: { group, volumeApiName }, unit: 'IOPS-Mo',
});
const ebs = meteredDataset(
  'ebs_pricing.csv',
  table({
    'Storage General Purpose gp2 GB Mo': volume('gp2'),
    'Storage General Purpose gp3 GB Mo': volume('gp3'),
    'Storage Provisioned IOPS io1 GB Mo': volume('io1'),
    'Storage Provisioned IOPS io2 GB month': volume('io2'),
    'Storage Throughput Optimized HDD st1 GB Mo': volume('st1'),
    'Storage Cold HDD sc1 GB Mo': volume('sc1'),
    'Storage Magnetic standard GB Mo': volume('standard'),
    'Provisioned EBS IOPS gp3 Volumes per IOPS Mo': iops('EBS IOPS', 'gp3'),
    'Provisioned EBS IOPS io1 Volumes per IOPS Mo': iops('EBS IOPS', 'io1'),
    'Provisioned EBS IOPS io2 Volumes per IOPS Mo': iops('EBS IOPS', 'io2'),
    'Provisioned EBS IOPS Tier 2 io2 Volumes per IOPS Mo': iops('EBS IOPS Tier 2', 'io2'),
    'Provisioned EBS IOPS Tier 3 io2 Volumes per IOPS Mo': iops('EBS IOPS Tier 3', 'io2'),
    'Provisioned Throughput gp3 per GiBps mo': {
      service: 'AmazonEC2', family: 'Provisioned Throughput', attributes: { volumeApiName: 'gp3' }, unit: 'GiBps-mo',
    },
    'Provisioned EBS I O Requests standard Volumes per IOs': {
      service: 'AmazonEC2', family: 'System Operation', attributes: { group: 'EBS I/O Requests', volumeApiName: 'standard' }, unit: 'IOs',
    },
    'Storage Snapshot Amazon S3 GB Mo': {
      service: 'AmazonEC2', family: 'Storage Snapshot', attributes: { usagetype: 'EBS:SnapshotUsage' }, unit: 'GB-Mo',
    },
    'Storage Snapshot Amazon S3 SnapshotArchiveStorage GB Mo': {
      service: 'AmazonEC2', family: 'Storage Snapshot', attributes: { usagetype: 'EBS:SnapshotArchiveStorage' }, unit: 'GB-Mo',
    },
  }),
  'AmazonEC2',
);

// ---------------------------------------------------------------------------------------------
// NAT gateways are billed under AmazonEC2 in the Price List.
const natGateway = meteredDataset(
  'nat_gateway_pricing.csv',
  table({
    'Hourly charge for NAT Gateways': {
      service: 'AmazonEC2', family: 'NAT Gateway', attributes: { usagetype: 'NatGateway-Hours' }, unit: 'Hrs',
    },
    'Charge for per GB data processed by NatGateways': {
      service: 'AmazonEC2', family: 'NAT Gateway', attributes: { usagetype: 'NatGateway-Bytes' }, unit: 'GB',
    },
  }),
  'AmazonEC2',
);

// ---------------------------------------------------------------------------------------------
const vpcEntry = (family: string, usagetype: string, unit: string, extra: Record<string, string> = {}): Mapped => ({
  service: 'AmazonVPC', family, attributes: { usagetype, ...extra }, unit,
});
const vpc = meteredDataset(
  'vpc_ipv4_endpoints_tgw_pricing.csv',
  table({
    'Hourly charge for In use Public IPv4 Addresses per Hrs': vpcEntry('VPC Public IPv4 Address', 'PublicIPv4:InUseAddress', 'Hrs'),
    'Hourly charge for Idle Public IPv4 Addresses per Hrs': vpcEntry('VPC Public IPv4 Address', 'PublicIPv4:IdleAddress', 'Hrs'),
    'Hourly charge for VPC Endpoints per Hrs': vpcEntry('VPC Endpoint', 'VpcEndpoint-Hours', 'Hrs'),
    'Charge for per GB data processed by VPC Endpoints per GB': vpcEntry('VPC Endpoint', 'VpcEndpoint-Bytes', 'GB'),
    'Hourly charge for AWS Gateway Load Balancer VPC Endpoint per Hrs': vpcEntry('VPC Endpoint', 'VpcEndpoint-GWLBE:Hours', 'Hrs'),
    'Charge for per GB data processed by AWS Gateway Load Balancer VPC Endpoint per GB': vpcEntry('VPC Endpoint', 'VpcEndpoint-GWLBE:Bytes', 'GB'),
    'Hourly charge for Transit Gateway VPC Attachments per hour': vpcEntry('Transit Gateway', 'TransitGateway-Hours', 'Hrs', { operation: 'TransitGatewayVPC' }),
    'Charge for per GB data processed by AWS Transit Gateways for VPC attachments per GigaBytes': vpcEntry('Transit Gateway', 'TransitGateway-Bytes', 'GB', { operation: 'TransitGatewayVPC' }),
    'CreateVpnConnection per Hrs': vpcEntry('Cloud Connectivity', 'VPN-Usage-Hours:ipsec.1', 'Hrs'),
    'Hourly charge for Transit Gateway Site to-Site VPN attachments per hour': vpcEntry('Transit Gateway', 'TransitGateway-Hours', 'Hrs', { operation: 'TransitGatewayVPN' }),
    'Charge for per GB data processed by AWS Transit Gateways for Site to-Site VPN attachments per GigaBytes': vpcEntry('Transit Gateway', 'TransitGateway-Bytes', 'GB', { operation: 'TransitGatewayVPN' }),
  }),
);

// ---------------------------------------------------------------------------------------------
// Data transfer. Internet egress tiers and the intra-region rate are the infracost-derived rows;
// the inter-region grid is skyplane's. "first paid tier" repeats the first egress tier under
// another key and keeps its feed key only.
const dataTransfer = meteredDataset('data_transfer_pricing.csv', (key): Mapped | undefined => {
  if (key.startsWith('Outbound data transfer to Internet (')) {
    return { family: 'Data Transfer', attributes: { transferType: 'AWS Outbound', toLocation: 'External' }, unit: 'GB' };
  }
  const inter = /^InterRegion Outbound to ([a-z0-9-]+)$/.exec(key);
  if (inter) {
    return { family: 'Data Transfer', attributes: { transferType: 'InterRegion Outbound', toRegionCode: inter[1] }, unit: 'GB' };
  }
  if (key === 'Intra-region data transfer') {
    return { family: 'Data Transfer', attributes: { transferType: 'IntraRegion' }, unit: 'GB' };
  }
  // Infracost's grouped destinations, used when a usage file gives a total rather than a region.
  if (key === 'Outbound data transfer to other regions') {
    return { family: 'Data Transfer', attributes: { transferType: 'InterRegion Outbound', toLocation: 'Other AWS regions' }, unit: 'GB' };
  }
  if (key === 'Outbound data transfer to US East regions') {
    return { family: 'Data Transfer', attributes: { transferType: 'InterRegion Outbound', toLocation: 'US East regions' }, unit: 'GB' };
  }
  return undefined;
});

// ---------------------------------------------------------------------------------------------
// RDS: instance keys are `Engine|db.class|deployment`; other keys are `<engine>-feed|<text>`.
const RDS_ENGINES: Record<string, string> = { mysql: 'MySQL', postgresql: 'PostgreSQL', mariadb: 'MariaDB' };
const RDS_DEPLOYMENTS: Record<string, string> = {
  'Single-AZ': 'Single-AZ',
  'Multi-AZ': 'Multi-AZ',
  'Multi-AZ readable standbys': 'Multi-AZ (readable standbys)',
  'Single AZ': 'Single-AZ',
  'Multi AZ': 'Multi-AZ',
  'Multi AZ readable standbys': 'Multi-AZ (readable standbys)',
};
const RDS_VOLUME_TYPES = ['General Purpose-GP3', 'General Purpose', 'Provisioned IOPS-IO2', 'Provisioned IOPS', 'Magnetic'];
const RDS_IOPS_TYPES: Record<string, string> = { 'GP3 IOPS': 'General Purpose-GP3', 'IO2 IOPS': 'Provisioned IOPS-IO2', IOPS: 'Provisioned IOPS' };

const rds = meteredDataset('rds_pricing.csv', (key): Mapped | undefined => {
  const instance = /^(MySQL|PostgreSQL|MariaDB)\|(db\.[^|]+)\|(.+)$/.exec(key);
  if (instance) {
    const deploymentOption = RDS_DEPLOYMENTS[instance[3]];
    if (!deploymentOption) return undefined;
    return {
      family: 'Database Instance',
      attributes: { databaseEngine: instance[1], instanceType: instance[2], deploymentOption },
      unit: 'Hrs',
    };
  }
  const feed = /^(mysql|postgresql|mariadb)-feed\|(.+)$/.exec(key);
  if (!feed) return undefined;
  const databaseEngine = RDS_ENGINES[feed[1]];
  const text = feed[2];
  const storage = /^Database Storage (Single AZ|Multi AZ readable standbys|Multi AZ) (.+)$/.exec(text);
  if (storage) {
    const volumeType = RDS_VOLUME_TYPES.find((v) => v === storage[2]);
    if (!volumeType) return undefined;
    return {
      family: 'Database Storage',
      attributes: { databaseEngine, deploymentOption: RDS_DEPLOYMENTS[storage[1]], volumeType },
      unit: 'GB-Mo',
    };
  }
  const piops = /^Provisioned (GP3 IOPS|IO2 IOPS|IOPS) (Single AZ|Multi AZ readable standbys|Multi AZ)$/.exec(text);
  if (piops) {
    return {
      family: 'Provisioned IOPS',
      attributes: { databaseEngine, deploymentOption: RDS_DEPLOYMENTS[piops[2]], volumeType: RDS_IOPS_TYPES[piops[1]] },
      unit: 'IOPS-Mo',
    };
  }
  const throughput = /^Provisioned Throughput (Single AZ|Multi AZ readable standbys|Multi AZ)$/.exec(text);
  if (throughput) {
    // The feed states no unit; the dataset records that AWS bills gp3 throughput per MiBps-month.
    return {
      family: 'Provisioned Throughput',
      attributes: { databaseEngine, deploymentOption: RDS_DEPLOYMENTS[throughput[1]], volumeType: 'General Purpose-GP3' },
      unit: 'MiBps-Mo',
    };
  }
  if (text === 'Storage Snapshot') {
    return { family: 'Storage Snapshot', attributes: { databaseEngine }, unit: 'GB-Mo' };
  }
  if (text === 'System Operation Magnetic') {
    return { family: 'System Operation', attributes: { databaseEngine, volumeType: 'Magnetic' }, unit: 'IOs' };
  }
  return undefined;
});

// ---------------------------------------------------------------------------------------------
const elasticache = meteredDataset('elasticache_node_pricing.csv', (key): Mapped | undefined => {
  const node = /^(Redis|Valkey|Memcached)\|(cache\.[^|]+)$/.exec(key);
  if (!node) return undefined;
  return { family: 'Cache Instance', attributes: { cacheEngine: node[1], instanceType: node[2] }, unit: 'Hrs' };
});

// ---------------------------------------------------------------------------------------------
// infracost golden output: imported only where it is the sole source (load balancers, SQS,
// Secrets Manager). Its other rows repeat feed prices as cross-checks and are not imported, so
// they can never shadow a feed price. Hour-based items are stated as 730-hour months, cents-
// rounded, and are kept exactly so: the unit says "Month (730 Hrs)" and resources scale by hours.
function goldenMapper(key: string, row: Csv): Mapped | undefined | null {
  const desc = row.description;
  switch (row.service) {
    case 'AWSELB':
      if (key === 'Application load balancer') return { family: 'Load Balancer-Application', attributes: { usagetype: 'LoadBalancerUsage' }, unit: 'Month (730 Hrs)' };
      if (key === 'Network load balancer') return { family: 'Load Balancer-Network', attributes: { usagetype: 'LoadBalancerUsage' }, unit: 'Month (730 Hrs)' };
      if (key === 'Classic load balancer') return { family: 'Load Balancer', attributes: { usagetype: 'LoadBalancerUsage' }, unit: 'Month (730 Hrs)' };
      if (key === 'Data processed') return { family: 'Load Balancer', attributes: { usagetype: 'DataProcessing-Bytes' }, unit: 'GB' };
      if (key === 'Load balancer capacity units') {
        if (desc.includes('aws_alb.') || desc.includes('$5.84')) {
          return { family: 'Load Balancer-Application', attributes: { usagetype: 'LCUUsage' }, unit: 'LCU-Mo (730 LCU-Hrs)' };
        }
        if (desc.includes('nlb')) {
          return { family: 'Load Balancer-Network', attributes: { usagetype: 'LCUUsage' }, unit: 'LCU-Mo (730 LCU-Hrs)' };
        }
      }
      return null;
    case 'AWSQueueService':
      if (key === 'Requests') {
        const queueType = /fifo/i.test(desc) ? 'FIFO (first-in, first-out)' : 'Standard';
        return { family: 'API Request', attributes: { queueType }, unit: '1M requests' };
      }
      return null;
    case 'AWSSecretsManager':
      if (key === 'Secret') return { family: 'Secret', attributes: { usagetype: 'AWSSecretsManager-Secrets' }, unit: 'Month' };
      if (key === 'API requests') return { family: 'API Request', attributes: { usagetype: 'AWSSecretsManager-APIRequest' }, unit: '10k requests' };
      return null;
    default:
      return null;
  }
}

const infracostGolden: Dataset = {
  file: 'infracost_golden_us_east_1_derived.csv',
  rows(row) {
    const mapped = goldenMapper(row.usage_type_or_key, row);
    if (!mapped) return undefined;
    return meteredDataset('', () => mapped).rows(row);
  },
};

// ---------------------------------------------------------------------------------------------
// CloudWatch metrics: the feed states the tiers in its keys ("first 10000", "next 240000", …).
const metricTier = (start: string | undefined, end: string | undefined): Mapped => ({
  family: 'Metric', attributes: { usagetype: 'CW:MetricMonitorUsage' }, unit: 'Metrics', start, end,
});
const alarm = (usagetype: string): Mapped => ({ family: 'Alarm', attributes: { usagetype }, unit: 'Alarms' });
const cloudwatch = meteredDataset(
  'cloudwatch_pricing.csv',
  table({
    'Metric for the first 10000': metricTier(undefined, '10000'),
    'Metric for the next 240000': metricTier('10000', '250000'),
    'Metric for the next 750000': metricTier('250000', '1000000'),
    'Metric for over 1000000': metricTier('1000000', undefined),
    'Alarm Standard': alarm('CW:AlarmMonitorUsage'),
    'Alarm High Resolution': alarm('CW:HighResAlarmMonitorUsage'),
    'Alarm Composite': alarm('CW:CompositeAlarmMonitorUsage'),
    // Logs: standard and infrequent-access ingestion, archived storage, Logs Insights scans.
    'Logs Collected Data Ingestion': { family: 'Data Payload', attributes: { usagetype: 'DataProcessing-Bytes' }, unit: 'GB' },
    'IA Custom ingested Logs from 0 upto Inf': { family: 'Data Payload', attributes: { usagetype: 'DataProcessingIA-Bytes' }, unit: 'GB' },
    'Stored Data': { family: 'Storage Snapshot', attributes: { usagetype: 'TimedStorage-ByteHrs' }, unit: 'GB-Mo' },
    'Queried Logs Insights': { family: 'Data Payload', attributes: { usagetype: 'DataScanned-Bytes' }, unit: 'GB' },
    // Dashboards are global; the "first 3 free" key is an account-wide allowance and stays unmapped.
    'Dashboard Basic Dashboard': { family: 'Dashboard', attributes: { usagetype: 'DashboardsUsageHour' }, unit: 'Dashboard-Mo' },
  }),
);


export const DATASETS: Dataset[] = [
  ec2Instances,
  ec2SharedMetal,
  ebs,
  natGateway,
  vpc,
  dataTransfer,
  rds,
  elasticache,
  infracostGolden,
  cloudwatch,
  ...SERVICE_DATASETS,
];

/**
 * Not imported: `ec2_ondemand_linux_cn_cny.csv` is in CNY, which a USD report cannot mix. (The
 * all-sources EC2 file is read only for Shared bare-metal prices, above.)
 */
export const SKIPPED_FILES = ['ec2_ondemand_linux_cn_cny.csv'];
