/**
 * What `pricing refresh` fetches from the Price List, and how Price List attributes become cache
 * attributes. The vocabulary is the one the resources query (src/resources/aws/shared/prices.ts,
 * scripts/import-pricing/mappings.ts), so refreshed files answer the same queries as the snapshot.
 */

/** Price List service codes costdiff prices; the default set of `pricing refresh`. */
export const PRICED_SERVICES: readonly string[] = [
  'AmazonEC2',
  'AmazonRDS',
  'AWSELB',
  'AmazonVPC',
  'AWSDataTransfer',
  'AmazonCloudWatch',
  'AmazonElastiCache',
  'AmazonS3',
  'AWSLambda',
  'AmazonDynamoDB',
  'AmazonEFS',
  'AmazonEKS',
  'AmazonRoute53',
  'AmazonSNS',
  'AWSQueueService',
  'AWSSecretsManager',
  'awskms',
];

/** The product attribute that holds a product's region (data transfer is keyed by its source). */
export function regionField(service: string): string {
  return service === 'AWSDataTransfer' ? 'fromRegionCode' : 'regionCode';
}

/**
 * Region billing codes, the prefix of `usagetype` values outside us-east-1 (EUS2-BoxUsage:m5.large).
 * From https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html
 */
export const BILLING_CODES: Readonly<Record<string, string>> = {
  'us-east-1': 'USE1', 'us-east-2': 'USE2', 'us-west-1': 'USW1', 'us-west-2': 'USW2',
  'ca-central-1': 'CAN1', 'ca-west-1': 'CAN2', 'mx-central-1': 'MXC1', 'af-south-1': 'AFS1',
  'ap-east-1': 'APE1', 'ap-east-2': 'APE2', 'ap-northeast-1': 'APN1', 'ap-northeast-2': 'APN2',
  'ap-northeast-3': 'APN3', 'ap-south-1': 'APS3', 'ap-south-2': 'APS5', 'ap-southeast-1': 'APS1',
  'ap-southeast-2': 'APS2', 'ap-southeast-3': 'APS4', 'ap-southeast-4': 'APS6', 'ap-southeast-5': 'APS7',
  'ap-southeast-6': 'APS8', 'ap-southeast-7': 'APS9', 'eu-central-1': 'EUC1', 'eu-central-2': 'EUC2',
  'eu-north-1': 'EUN1', 'eu-south-1': 'EUS1', 'eu-south-2': 'EUS2', 'eu-west-1': 'EU',
  'eu-west-2': 'EUW2', 'eu-west-3': 'EUW3', 'il-central-1': 'ILC1', 'me-central-1': 'MEC1',
  'me-south-1': 'MES1', 'sa-east-1': 'SAE1', 'us-gov-west-1': 'UGW1', 'us-gov-east-1': 'UGE1',
  'cn-north-1': 'CNN1', 'cn-northwest-1': 'CNW1',
};

/** `EUS2-BoxUsage:m5.large` → `BoxUsage:m5.large` for a product of eu-south-2. */
export function stripUsageTypePrefix(usagetype: string, region: string): string {
  const code = BILLING_CODES[region];
  return code && usagetype.startsWith(`${code}-`) ? usagetype.slice(code.length + 1) : usagetype;
}

/** A query attribute matches a Price List `usagetype` with or without its region prefix. */
export function usageTypeMatches(value: string | undefined, wanted: string): boolean {
  return value !== undefined && (value === wanted || value.endsWith(`-${wanted}`));
}

/** One GetProducts call of a refresh, plus what to keep of its answer. */
export interface RefreshSlice {
  /** TERM_MATCH filters besides ServiceCode and the region. */
  filters: Record<string, string>;
  /** Client-side condition on the product's attributes. */
  keep?: (attributes: Record<string, string>) => boolean;
  /** Attributes to store; undefined = every attribute except the descriptive ones. */
  attributes?: readonly string[];
}

/** Attributes that describe a product but never identify a price; left out to keep files small. */
const DESCRIPTIVE = new Set([
  'location', 'locationType', 'regionCode', 'fromLocation', 'fromLocationType', 'fromRegionCode',
  'servicecode', 'servicename', 'vcpu', 'memory', 'ecu', 'clockSpeed', 'physicalProcessor',
  'processorFeatures', 'processorArchitecture', 'networkPerformance', 'dedicatedEbsThroughput',
  'enhancedNetworkingSupported', 'intelAvxAvailable', 'intelAvx2Available', 'intelTurboAvailable',
  'normalizationSizeFactor', 'currentGeneration', 'instanceFamily', 'instancesku', 'gpu', 'gpuMemory',
  'storage', 'physicalCores', 'classicnetworkingsupport', 'vpcnetworkingsupport',
]);

const EC2_INSTANCE_ATTRIBUTES = ['instanceType', 'operatingSystem', 'tenancy', 'preInstalledSw', 'capacitystatus', 'usagetype'];
const EC2_OPERATING_SYSTEMS = ['Linux', 'Windows', 'RHEL', 'SUSE'];

const ec2Instances = (family: string): RefreshSlice[] =>
  EC2_OPERATING_SYSTEMS.map((operatingSystem) => ({
    filters: { productFamily: family, operatingSystem, preInstalledSw: 'NA', capacitystatus: 'Used' },
    // Bring-your-own-license and capacity-block products share the query's attributes at another price.
    keep: (a) =>
      (a.tenancy === 'Shared' || a.tenancy === 'Dedicated') &&
      a.licenseModel !== 'Bring your own license' &&
      (a.marketoption === undefined || a.marketoption === 'OnDemand'),
    attributes: EC2_INSTANCE_ATTRIBUTES,
  }));

const families = (...names: string[]): RefreshSlice[] => names.map((productFamily) => ({ filters: { productFamily } }));

/** What a refresh fetches per service; a service not listed is fetched whole. */
export function refreshSlices(service: string): RefreshSlice[] {
  switch (service) {
    case 'AmazonEC2':
      return [
        ...ec2Instances('Compute Instance'),
        ...ec2Instances('Compute Instance (bare metal)'),
        ...families('Storage', 'System Operation', 'Provisioned Throughput', 'Storage Snapshot', 'NAT Gateway', 'CPU Credits'),
      ];
    case 'AmazonRDS':
      return [
        {
          filters: { productFamily: 'Database Instance' },
          attributes: ['instanceType', 'databaseEngine', 'databaseEdition', 'deploymentOption', 'licenseModel', 'usagetype'],
        },
        ...families('Database Storage', 'Provisioned IOPS', 'Provisioned Throughput', 'Storage Snapshot', 'System Operation'),
      ];
    case 'AmazonElastiCache':
      return [{ filters: { productFamily: 'Cache Instance' }, attributes: ['instanceType', 'cacheEngine', 'usagetype'] }];
    default:
      return [{ filters: {} }];
  }
}

/** The attributes a cache product keeps: Price List names, usagetype without its region prefix. */
export function cacheAttributes(attributes: Record<string, string>, region: string, keep?: readonly string[]): Record<string, string> {
  const names = (keep ?? Object.keys(attributes).filter((k) => !DESCRIPTIVE.has(k))).slice().sort();
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = attributes[name];
    if (value === undefined || value === '') continue;
    out[name] = name === 'usagetype' ? stripUsageTypePrefix(value, region) : value;
  }
  return out;
}
