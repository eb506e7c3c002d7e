import { Decimal } from '../core/decimal.js';
import type { CostdiffConfig, MetricPoint } from '../config/types.js';
import { monthsBetween } from '../config/metrics.js';
import type { CostDiff, CostTotals, ResourceDiff } from './diff-types.js';
import type { CostRange } from './types.js';

/**
 * The forecast: month by month over `forecast.horizon_months`, what the infrastructure costs
 * before and after the change as the business grows.
 *
 * - Resources whose address matches a `forecast.scale_with` pattern grow with that metric's
 *   monthly growth, compounded: month i (0-based) costs cost × (1 + g)^i. Month 1 is the cost
 *   today. Everything else stays flat.
 * - Expected growth g: `forecast.growth.<metric>`, else the observed trend of the metric's file.
 * - The observed trend is the mean month-over-month growth of consecutive months in the metrics
 *   file ((v[m] − v[m−1]) / v[m−1], averaged) — a ratio computed exactly, no n-th roots.
 * - The low/high band: low = no growth, high = the observed trend of the metrics file or 1.5 × the
 *   expected growth, whichever is faster (so a file whose trend is slower than the configured
 *   growth still leaves room above the expected line). In general the band spans the growth
 *   rates {0, g, 1.5 × g, observed trend}: low is the smallest, high the largest, so it always
 *   contains the expected line, and "no growth" is its top for shrinking metrics.
 * - Usage ranges (a usage file's `{ low, high }`): the low band starts from the low totals and
 *   the high band from the high totals, so month 1's band is the usage range. Without an
 *   `expected` figure the expected line counts that usage as unknown (0) and may lie below it.
 * - Annual impact of the change is delta × 12; the horizon impact is the sum of the forecast
 *   months' deltas (growth included).
 * Pure functions over the CostDiff; nothing here reads files or clocks.
 */

const ONE_AND_HALF = Decimal.parse('1.5');
const TWELVE = Decimal.fromInt(12);

export type GrowthSource = 'config' | 'trend' | 'none';

export interface GrowthDriver {
  metric: string;
  patterns: string[];
  expected: Decimal;
  low: Decimal;
  high: Decimal;
  source: GrowthSource;
  /** Mean month-over-month growth of the metric's file, when it has one. */
  observedTrend?: Decimal;
  /** Addresses that scale with it (from either side of the change). */
  resources: string[];
}

export interface Band {
  expected: Decimal;
  low: Decimal;
  high: Decimal;
}

export interface ForecastMonth {
  /** 1-based month of the forecast; month 1 is today's cost. */
  index: number;
  /** YYYY-MM when a start month was given. */
  month?: string;
  past: Band;
  planned: Band;
  delta: Band;
}

export interface ProjectForecast {
  name: string;
  /** Planned cost per month (expected growth). */
  planned: Decimal[];
  plannedHigh: Decimal[];
}

export interface Forecast {
  horizonMonths: number;
  months: ForecastMonth[];
  /** The change's effect on the monthly bill today (delta). */
  monthlyImpact: Decimal;
  /** delta × 12. */
  annualImpact: Decimal;
  /** Sum of the monthly deltas over the horizon. */
  horizonImpact: Band;
  /** Sum of the planned monthly costs over the horizon. */
  horizonPlanned: Band;
  /** True when the band includes usage ranges (not only growth). */
  usageRanges: boolean;
  drivers: GrowthDriver[];
  projects: ProjectForecast[];
}

/** Does a `*` glob match a resource address? A pattern without `module.` also matches inside modules. */
export function addressMatches(pattern: string, address: string): boolean {
  if (globMatches(pattern, address)) return true;
  if (pattern.startsWith('module.')) return false;
  const local = address.replace(/^(?:module\.[A-Za-z0-9_-]+(?:\[(?:"[^"]*"|\d+)\])?\.)+/, '');
  return local !== address && globMatches(pattern, local);
}

/**
 * `*` matches any run of characters. Matched piece by piece rather than through a RegExp, so a
 * pattern of any length is linear work and never "regular expression too large".
 */
function globMatches(pattern: string, text: string): boolean {
  const pieces = pattern.split('*');
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (pieces.length === 1) return pattern === text;
  if (!text.startsWith(first) || !text.endsWith(last) || first.length + last.length > text.length) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** Mean month-over-month growth over consecutive months with a non-zero previous value. */
export function observedTrend(series: MetricPoint[]): Decimal | undefined {
  const rates: Decimal[] = [];
  for (let i = 1; i < series.length; i++) {
    const prev = series[i - 1];
    const cur = series[i];
    if (monthsBetween(prev.month, cur.month) !== 1 || prev.value.isZero()) continue;
    rates.push(cur.value.minus(prev.value).dividedBy(prev.value));
  }
  if (!rates.length) return undefined;
  return Decimal.sum(rates).dividedBy(Decimal.fromInt(rates.length));
}

/** (1 + g)^0 … (1 + g)^(n−1), by repeated exact multiplication. */
export function compoundFactors(growth: Decimal, months: number): Decimal[] {
  const base = Decimal.ONE.plus(growth);
  const out: Decimal[] = [];
  let f = Decimal.ONE;
  for (let i = 0; i < months; i++) {
    out.push(f);
    f = f.times(base);
  }
  return out;
}

/** YYYY-MM plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function drivers(diff: CostDiff, config: CostdiffConfig | undefined): GrowthDriver[] {
  const f = config?.forecast;
  if (!f) return [];
  const out: GrowthDriver[] = [];
  const claimed = new Set<string>();
  for (const [metric, patterns] of f.scaleWith) {
    const series = config.unitEconomics.find((u) => u.name === metric)?.series ?? [];
    const trend = observedTrend(series);
    const configured = f.growth.get(metric);
    const expected = configured ?? trend ?? Decimal.ZERO;
    const candidates = [Decimal.ZERO, expected, expected.times(ONE_AND_HALF), ...(trend ? [trend] : [])];
    const resources: string[] = [];
    for (const p of diff.projects) {
      for (const r of p.resources) {
        const key = `${p.name}\u0000${r.address}`;
        // The first metric that claims a resource wins, so nothing grows twice.
        if (claimed.has(key) || !patterns.some((pat) => addressMatches(pat, r.address))) continue;
        claimed.add(key);
        resources.push(r.address);
      }
    }
    out.push({
      metric,
      patterns,
      expected,
      low: candidates.reduce(Decimal.min),
      high: candidates.reduce(Decimal.max),
      source: configured ? 'config' : trend ? 'trend' : 'none',
      ...(trend ? { observedTrend: trend } : {}),
      resources,
    });
  }
  return out;
}

type Level = 'expected' | 'low' | 'high';
const LEVELS: Level[] = ['expected', 'low', 'high'];

type Costs = { past: Decimal; planned: Decimal; pastRange?: CostRange; plannedRange?: CostRange };

/** Past and planned cost at a level: the usage range's bound for low and high. */
function at(level: Level, c: Costs): { past: Decimal; planned: Decimal } {
  if (level === 'expected') return { past: c.past, planned: c.planned };
  return { past: c.pastRange?.[level] ?? c.past, planned: c.plannedRange?.[level] ?? c.planned };
}

function resourceCosts(r: ResourceDiff): Costs {
  return { past: r.pastMonthlyCost, planned: r.plannedMonthlyCost, pastRange: r.pastRange, plannedRange: r.plannedRange };
}

/** Per month, a project's past and planned cost at one growth level. */
function projectSeries(
  totals: CostTotals,
  scaled: { driver: GrowthDriver; resources: ResourceDiff[] }[],
  factors: Map<GrowthDriver, Record<Level, Decimal[]>>,
  level: Level,
  horizon: number,
): { past: Decimal[]; planned: Decimal[] } {
  const past: Decimal[] = [];
  const planned: Decimal[] = [];
  const today = at(level, { past: totals.past, planned: totals.planned, pastRange: totals.pastRange, plannedRange: totals.plannedRange });
  const grows = scaled.map((s) => {
    const costs = s.resources.map((r) => at(level, resourceCosts(r)));
    return { driver: s.driver, past: Decimal.sum(costs.map((c) => c.past)), planned: Decimal.sum(costs.map((c) => c.planned)) };
  });
  for (let i = 0; i < horizon; i++) {
    // Flat part is the total minus what grows, so month 1 equals today's totals exactly.
    let pa = today.past;
    let pl = today.planned;
    for (const s of grows) {
      const extra = factors.get(s.driver)![level][i].minus(Decimal.ONE);
      pa = pa.plus(s.past.times(extra));
      pl = pl.plus(s.planned.times(extra));
    }
    past.push(pa);
    planned.push(pl);
  }
  return { past, planned };
}

export function forecast(diff: CostDiff, config?: CostdiffConfig, options: { startMonth?: string } = {}): Forecast {
  const horizon = config?.forecast?.horizonMonths ?? 12;
  const ds = drivers(diff, config);
  const factors = new Map<GrowthDriver, Record<Level, Decimal[]>>();
  for (const d of ds) {
    factors.set(d, {
      expected: compoundFactors(d.expected, horizon),
      low: compoundFactors(d.low, horizon),
      high: compoundFactors(d.high, horizon),
    });
  }
  const zero = (): Decimal[] => Array.from({ length: horizon }, () => Decimal.ZERO);
  const sums: Record<Level, { past: Decimal[]; planned: Decimal[] }> = {
    expected: { past: zero(), planned: zero() },
    low: { past: zero(), planned: zero() },
    high: { past: zero(), planned: zero() },
  };
  const projects: ProjectForecast[] = [];
  for (const p of diff.projects) {
    const scaled: { driver: GrowthDriver; resources: ResourceDiff[] }[] = [];
    for (const d of ds) {
      const rs = p.resources.filter((r) => d.resources.includes(r.address));
      if (rs.length) scaled.push({ driver: d, resources: rs });
    }
    const perLevel = {} as Record<Level, { past: Decimal[]; planned: Decimal[] }>;
    for (const level of LEVELS) {
      perLevel[level] = projectSeries(p.totals, scaled, factors, level, horizon);
      for (let i = 0; i < horizon; i++) {
        sums[level].past[i] = sums[level].past[i].plus(perLevel[level].past[i]);
        sums[level].planned[i] = sums[level].planned[i].plus(perLevel[level].planned[i]);
      }
    }
    projects.push({ name: p.name, planned: perLevel.expected.planned, plannedHigh: perLevel.high.planned });
  }
  // Diffs without projects (or whose project totals do not add up to the overall ones) still
  // forecast the overall totals: any remainder is flat.
  for (const level of LEVELS) {
    const overall = at(level, diff.totals);
    const parts = diff.projects.map((p) => at(level, p.totals));
    const pastRest = overall.past.minus(Decimal.sum(parts.map((x) => x.past)));
    const plannedRest = overall.planned.minus(Decimal.sum(parts.map((x) => x.planned)));
    for (let i = 0; i < horizon; i++) {
      sums[level].past[i] = sums[level].past[i].plus(pastRest);
      sums[level].planned[i] = sums[level].planned[i].plus(plannedRest);
    }
  }
  const band = (pick: (level: Level) => Decimal): Band => ({ expected: pick('expected'), low: pick('low'), high: pick('high') });
  const months: ForecastMonth[] = [];
  for (let i = 0; i < horizon; i++) {
    months.push({
      index: i + 1,
      ...(options.startMonth ? { month: addMonths(options.startMonth, i) } : {}),
      past: band((l) => sums[l].past[i]),
      planned: band((l) => sums[l].planned[i]),
      delta: band((l) => sums[l].planned[i].minus(sums[l].past[i])),
    });
  }
  const total = (pick: (m: ForecastMonth) => Band): Band => ({
    expected: Decimal.sum(months.map((m) => pick(m).expected)),
    low: Decimal.sum(months.map((m) => pick(m).low)),
    high: Decimal.sum(months.map((m) => pick(m).high)),
  });
  return {
    horizonMonths: horizon,
    months,
    monthlyImpact: diff.totals.delta,
    annualImpact: diff.totals.delta.times(TWELVE),
    horizonImpact: total((m) => m.delta),
    horizonPlanned: total((m) => m.planned),
    usageRanges: diff.totals.pastRange !== undefined || diff.totals.plannedRange !== undefined,
    drivers: ds,
    projects,
  };
}
