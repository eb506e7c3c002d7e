import type { Decimal } from '../core/decimal.js';
import type { ChangeAction } from '../input/types.js';
import type { PriceProvenance } from '../pricing/types.js';

/**
 * The priced result, in exact decimals. Renderers format these; they never compute money.
 * Each component's monthly cost is rounded to the cent, as a bill's line items are, so every
 * total is exactly the sum of the lines it shows.
 */

/**
 * Low and high monthly cost from the low and high figures of usage ranges (usage files may give
 * `{ low, high }` where usage is not known). Present only where it says more than the point
 * figure: the bounds differ, or the point figure is unknown or differs from both.
 */
export interface CostRange {
  low: Decimal;
  high: Decimal;
}

export interface CostComponent {
  name: string;
  /** What the quantity counts: hours, GB-months, … */
  unit: string;
  /** Quantity per month in `unit`; null when it depends on usage that was not given. */
  monthlyQuantity: Decimal | null;
  /** Price per `priceUnit` (the first tier's price when tiered). */
  unitPrice: Decimal;
  priceUnit: string;
  /** Tiers when the price has more than one. */
  tiers?: { start: Decimal; end?: Decimal; unitPrice: Decimal }[];
  /** Monthly cost in USD, rounded to the cent; null when usage is unknown. */
  monthlyCost: Decimal | null;
  costRange?: CostRange;
  usageBased: boolean;
  provenance: PriceProvenance[];
}

export interface UnpricedComponent {
  component: string;
  reason: string;
}

export interface SubresourceEstimate {
  name: string;
  components: CostComponent[];
  subresources: SubresourceEstimate[];
  unpriced: UnpricedComponent[];
  monthlyCost: Decimal | null;
  costRange?: CostRange;
}

export interface ResourceEstimate {
  address: string;
  type: string;
  region: string;
  /** Set on diff output only. */
  action?: ChangeAction;
  components: CostComponent[];
  subresources: SubresourceEstimate[];
  unpriced: UnpricedComponent[];
  assumptions: string[];
  /** Sum of known costs including sub-resources; null when nothing about its cost is known. */
  monthlyCost: Decimal | null;
  costRange?: CostRange;
  /** True when some part of the cost depends on usage not given. */
  hasUsageBasedUnknowns: boolean;
}

export interface ResourceRef {
  address: string;
  type: string;
  note?: string;
}

export interface ProjectEstimate {
  name: string;
  path: string;
  region: string;
  resources: ResourceEstimate[];
  free: ResourceRef[];
  unsupported: ResourceRef[];
  totalMonthlyCost: Decimal;
  costRange?: CostRange;
  warnings: string[];
}

export interface PricingInfo {
  /** Snapshot date of the shipped cache. */
  snapshot: string;
  mode: 'offline' | 'online';
  /** Dates of every source a used price came from, oldest first. */
  sourceDates: string[];
}

/** A cheaper equivalent of something priced, from the same prices (src/estimate/recommendations.ts). */
export interface Recommendation {
  address: string;
  /** What to change: "gp2 → gp3", "m4.large → m5.large". */
  change: string;
  /** Current monthly cost minus the alternative's, both from the estimate code; always positive. */
  monthlySaving: Decimal;
  detail: string;
}

export interface Estimate {
  currency: 'USD';
  pricing: PricingInfo;
  projects: ProjectEstimate[];
  totalMonthlyCost: Decimal;
  costRange?: CostRange;
  /** Savings recommendations (breakdown); absent when not computed. */
  recommendations?: Recommendation[];
}
