import type { PriceQuery } from '../../../pricing/types.js';

/**
 * Price List queries shared by several resource files, so a product is always asked for the same
 * way (an instance behind an autoscaling group and a standalone instance ask one question).
 */

/** An on-demand list-price query; `productFamily` only when the product needs it. */
export function onDemandQuery(service: string, region: string, productFamily: string | undefined, attributes: Record<string, string>): PriceQuery {
  // Two literals rather than a conditional spread: this runs for every component of a plan.
  return productFamily
    ? { service, region, productFamily, attributes, purchaseOption: 'on_demand' }
    : { service, region, attributes, purchaseOption: 'on_demand' };
}

export type Tenancy = 'Shared' | 'Dedicated' | 'Host';

/** Price List operatingSystem values for Infracost's `operating_system` usage values. */
export const OPERATING_SYSTEMS: Record<string, string> = {
  linux: 'Linux',
  windows: 'Windows',
  rhel: 'RHEL',
  suse: 'SUSE',
};

export function ec2InstanceHours(region: string, instanceType: string, operatingSystem = 'Linux', tenancy: Tenancy = 'Shared'): PriceQuery {
  return {
    service: 'AmazonEC2',
    region,
    productFamily: instanceType.includes('metal') ? 'Compute Instance (bare metal)' : 'Compute Instance',
    attributes: {
      instanceType,
      operatingSystem,
      tenancy,
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
    },
    purchaseOption: 'on_demand',
  };
}

/** T-family CPU credits beyond the baseline, per vCPU-hour. */
export function ec2CpuCredits(region: string, instanceFamily: string, operatingSystem = 'Linux'): PriceQuery {
  return {
    service: 'AmazonEC2',
    region,
    productFamily: 'CPU Credits',
    attributes: { operatingSystem, usagetype: `CPUCredits:${instanceFamily}` },
    purchaseOption: 'on_demand',
  };
}

/** CloudWatch custom/detailed metrics, the tiered per-metric-month price. */
export function cloudwatchMetrics(region: string): PriceQuery {
  return {
    service: 'AmazonCloudWatch',
    region,
    productFamily: 'Metric',
    attributes: { usagetype: 'CW:MetricMonitorUsage' },
    purchaseOption: 'on_demand',
  };
}

export function ebsStorage(region: string, volumeApiName: string): PriceQuery {
  return { service: 'AmazonEC2', region, productFamily: 'Storage', attributes: { volumeApiName }, purchaseOption: 'on_demand' };
}

export function ebsIops(region: string, volumeApiName: string, group = 'EBS IOPS'): PriceQuery {
  return { service: 'AmazonEC2', region, productFamily: 'System Operation', attributes: { group, volumeApiName }, purchaseOption: 'on_demand' };
}

export function ebsThroughput(region: string, volumeApiName: string): PriceQuery {
  return { service: 'AmazonEC2', region, productFamily: 'Provisioned Throughput', attributes: { volumeApiName }, purchaseOption: 'on_demand' };
}

export function ebsIoRequests(region: string): PriceQuery {
  return {
    service: 'AmazonEC2',
    region,
    productFamily: 'System Operation',
    attributes: { group: 'EBS I/O Requests', volumeApiName: 'standard' },
    purchaseOption: 'on_demand',
  };
}

export function ebsSnapshotStorage(region: string): PriceQuery {
  return { service: 'AmazonEC2', region, productFamily: 'Storage Snapshot', attributes: { usagetype: 'EBS:SnapshotUsage' }, purchaseOption: 'on_demand' };
}

export function publicIpv4Hours(region: string, inUse: boolean): PriceQuery {
  return {
    service: 'AmazonVPC',
    region,
    productFamily: 'VPC Public IPv4 Address',
    attributes: { usagetype: inUse ? 'PublicIPv4:InUseAddress' : 'PublicIPv4:IdleAddress' },
    purchaseOption: 'on_demand',
  };
}

export function natGateway(region: string, usagetype: 'NatGateway-Hours' | 'NatGateway-Bytes'): PriceQuery {
  return { service: 'AmazonEC2', region, productFamily: 'NAT Gateway', attributes: { usagetype }, purchaseOption: 'on_demand' };
}

export function loadBalancer(region: string, productFamily: string, usagetype: string): PriceQuery {
  return { service: 'AWSELB', region, productFamily, attributes: { usagetype }, purchaseOption: 'on_demand' };
}

export function dataTransfer(region: string, attributes: Record<string, string>): PriceQuery {
  return { service: 'AWSDataTransfer', region, productFamily: 'Data Transfer', attributes, purchaseOption: 'on_demand' };
}

export function rdsInstanceHours(region: string, databaseEngine: string, instanceType: string, deploymentOption: string): PriceQuery {
  return {
    service: 'AmazonRDS',
    region,
    productFamily: 'Database Instance',
    attributes: { databaseEngine, instanceType, deploymentOption },
    purchaseOption: 'on_demand',
  };
}

/** RDS storage-related products: Database Storage, Provisioned IOPS, Provisioned Throughput, … */
export function rdsProduct(region: string, productFamily: string, attributes: Record<string, string>): PriceQuery {
  return { service: 'AmazonRDS', region, productFamily, attributes, purchaseOption: 'on_demand' };
}
