import { Decimal } from '../../core/decimal.js';
import { isKnownRegion } from '../../core/regions.js';
import { fromUsage } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { InvalidValueError } from '../view.js';
import { dataTransfer } from './shared/prices.js';

/**
 * Data transfer is not a Terraform resource: like Infracost, costdiff prices it from usage-file
 * entries named `aws_data_transfer.<name>`, each for one source region.
 */
export const awsDataTransfer: ResourceType = {
  type: 'aws_data_transfer',
  usageKeys: [
    { key: 'region', description: 'region the data leaves from (default: the project region)' },
    { key: 'monthly_outbound_internet_gb', description: 'GB out to the internet per month (tiered)' },
    { key: 'monthly_intra_region_gb', description: 'GB between availability zones per month (billed in each direction)' },
    { key: 'monthly_outbound_other_regions_gb', description: 'GB to other AWS regions per month' },
    { key: 'monthly_outbound_us_east_to_us_east_gb', description: 'GB between us-east-1 and us-east-2 per month' },
    { key: 'monthly_outbound_region_gb', description: 'map of destination region → GB per month, priced per pair' },
  ],
  costs(r) {
    const region = r.region;
    const components: CostComponentSpec[] = [];
    const internet = r.usageNum('monthly_outbound_internet_gb');
    if (internet !== undefined) {
      components.push({
        name: 'Outbound data transfer to the internet',
        unit: 'GB',
        price: dataTransfer(region, { transferType: 'AWS Outbound', toLocation: 'External' }),
        quantity: fromUsage(internet),
        usageBased: true,
      });
    }
    const intra = r.usageNum('monthly_intra_region_gb');
    if (intra !== undefined) {
      components.push({
        name: 'Intra-region data transfer (billed in and out)',
        unit: 'GB',
        price: dataTransfer(region, { transferType: 'IntraRegion' }),
        quantity: fromUsage(intra, Decimal.fromInt(2)),
        usageBased: true,
      });
    }
    const other = r.usageNum('monthly_outbound_other_regions_gb');
    if (other !== undefined) {
      components.push({
        name: 'Outbound data transfer to other regions',
        unit: 'GB',
        price: dataTransfer(region, { transferType: 'InterRegion Outbound', toLocation: 'Other AWS regions' }),
        quantity: fromUsage(other),
        usageBased: true,
      });
    }
    const usEast = r.usageNum('monthly_outbound_us_east_to_us_east_gb');
    if (usEast !== undefined) {
      components.push({
        name: 'Outbound data transfer to US East regions',
        unit: 'GB',
        price: dataTransfer(region, { transferType: 'InterRegion Outbound', toLocation: 'US East regions' }),
        quantity: fromUsage(usEast),
        usageBased: true,
      });
    }
    const perRegion = r.usageMap('monthly_outbound_region_gb') ?? {};
    for (const destination of Object.keys(perRegion).sort()) {
      if (!isKnownRegion(destination)) throw new InvalidValueError(`monthly_outbound_region_gb names unknown region "${destination}"`);
      const gb = Decimal.tryFrom(perRegion[destination]);
      if (!gb || gb.isNegative()) throw new InvalidValueError(`monthly_outbound_region_gb.${destination} should be a number of GB`);
      components.push({
        name: `Outbound data transfer to ${destination}`,
        unit: 'GB',
        price: dataTransfer(region, { transferType: 'InterRegion Outbound', toRegionCode: destination }),
        quantity: { perMonth: gb },
        usageBased: true,
      });
    }
    return { components };
  },
};
