import type { Decimal } from '../core/decimal.js';
import type { PriceQuery } from '../pricing/types.js';
import type { ResourceView } from './view.js';

/**
 * The contract between a resource file and the rest of the pipeline. A resource file is a
 * declaration: which attributes and usage keys it reads, and for each cost component which price
 * it asks for and how many units it uses per hour or per month. It never sees a price.
 */

/** A usage key a resource reads from the usage file (Infracost's names where they exist). */
export interface UsageKey {
  key: string;
  description: string;
}

/**
 * Quantity of a component. `perHour` components run all month (monthly = perHour × 730 unless
 * the usage file gives `monthly_hrs`); `perMonth` are monthly already. `null` means the quantity
 * depends on usage that was not given: the component still shows its unit price.
 */
export type Quantity = { perHour: Decimal } | { perMonth: Decimal } | null;

export interface CostComponentSpec {
  /** What the line is, for people: "Instance usage (Linux/UNIX, on-demand, m5.large)". */
  name: string;
  /**
   * What the quantity counts, in a unit the estimate can relate to the price's unit:
   * hours, GB-months, GB, IOPS-months, GiBps-months, IOs, LCU-hours, requests, months, …
   */
  unit: string;
  price: PriceQuery;
  quantity: Quantity;
  /** True when the quantity comes from usage (data processed, requests) rather than the config. */
  usageBased?: boolean;
}

export interface SubresourceSpec {
  name: string;
  components: CostComponentSpec[];
  subresources?: SubresourceSpec[];
  unpriced?: UnpricedSpec[];
}

export interface UnpricedSpec {
  component: string;
  reason: string;
}

export interface ResourceCostSpec {
  components: CostComponentSpec[];
  subresources?: SubresourceSpec[];
  /** Parts the resource file knows it cannot price, with the reason. */
  unpriced?: UnpricedSpec[];
  /** Values assumed because the configuration does not state them (e.g. a default root volume). */
  assumptions?: string[];
  /**
   * Set when this resource, as configured, costs nothing itself (a gateway VPC endpoint) or is
   * billed through another resource (an ECS service on EC2 capacity): why. Components are empty.
   */
  free?: string;
}

export interface ResourceType {
  type: string;
  /** Usage keys this resource reads, documented in `costdiff resources` and the README. */
  usageKeys?: UsageKey[];
  costs(resource: ResourceView): ResourceCostSpec;
}

/** Resource types AWS does not charge for. Listed so that "free" is never confused with "unsupported". */
export interface FreeResourceType {
  type: string;
  free: true;
  note?: string;
}
