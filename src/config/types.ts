import type { Decimal } from '../core/decimal.js';
import type { UsageFile } from '../input/usage.js';

/**
 * `costdiff.yml`, validated and typed. The YAML keys are a contract (snake_case, see
 * examples/costdiff.yml); these are their camelCase counterparts. Every number is an exact
 * Decimal taken from the YAML source text, never a float.
 */

export interface ProjectConfig {
  path: string;
  name?: string;
  usageFile?: string;
  terraformVarFiles: string[];
}

/** One observation of a metric: month (YYYY-MM) and its volume. */
export interface MetricPoint {
  month: string;
  value: Decimal;
}

export interface UnitMetric {
  name: string;
  /** The current monthly volume: `monthly_volume`, or the latest month of `file`. */
  monthlyVolume: Decimal;
  /** Cost is shown per this many units (per 1,000 orders). */
  per: Decimal;
  /** The metrics file as written in the config, when the volume came from one. */
  file?: string;
  /** The file's months, oldest first; empty when the volume was given directly. */
  series: MetricPoint[];
}

export interface ForecastConfig {
  horizonMonths: number;
  /** Monthly growth per metric as a fraction: 0.04 = +4 % a month. */
  growth: Map<string, Decimal>;
  /** Resource address globs per metric; matching resources grow with that metric. */
  scaleWith: Map<string, string[]>;
}

export interface Budget {
  project: string;
  monthly: Decimal;
}

export interface Approvers {
  /** GitHub logins, without "@". */
  users: string[];
  /** "org/team-slug". */
  teams: string[];
}

export interface Policy {
  name: string;
  maxMonthlyIncrease?: Decimal;
  maxMonthlyIncreasePercent?: Decimal;
  maxMonthlyTotal?: Decimal;
  overBudget: boolean;
  approvers: Approvers;
}

export interface Discount {
  percent: Decimal;
}

export interface CostdiffConfig {
  version: 1;
  /** The file it was read from, as given (for messages). */
  file: string;
  projects: ProjectConfig[];
  unitEconomics: UnitMetric[];
  forecast?: ForecastConfig;
  budgets: Budget[];
  policies: Policy[];
  discount?: Discount;
  /** `usage:`: usage values and ranges for every project, beneath each project's usage file. */
  usage?: UsageFile;
}

export const DEFAULT_HORIZON_MONTHS = 12;
