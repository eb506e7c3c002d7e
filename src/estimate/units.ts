import { Decimal } from '../core/decimal.js';

/**
 * Relates a price's unit (as the Price List or a dataset writes it) to the unit a cost component
 * counts in. A 730-hour month price applies to hours at 1/730 per hour; a per-1M-requests price
 * to requests at one millionth. Quantities are converted, prices never are.
 */
const PRICE_UNITS: Record<string, { measure: string; size: number }> = {
  Hrs: { measure: 'hours', size: 1 },
  'Hrs (per IP)': { measure: 'hours', size: 1 },
  'Hrs (per cluster)': { measure: 'hours', size: 1 },
  'Hrs (per node)': { measure: 'hours', size: 1 },
  Hours: { measure: 'hours', size: 1 },
  hours: { measure: 'hours', size: 1 },
  'Month (730 Hrs)': { measure: 'hours', size: 730 },
  'LCU-Hrs': { measure: 'LCU-hours', size: 1 },
  'LCU-Mo (730 LCU-Hrs)': { measure: 'LCU-hours', size: 730 },
  'GB-Mo': { measure: 'GB-months', size: 1 },
  'GB-month': { measure: 'GB-months', size: 1 },
  'IOPS-Mo': { measure: 'IOPS-months', size: 1 },
  'GiBps-mo': { measure: 'GiBps-months', size: 1 },
  'GiBps-Mo': { measure: 'GiBps-months', size: 1 },
  'MiBps-Mo': { measure: 'MiBps-months', size: 1 },
  IOs: { measure: 'IOs', size: 1 },
  'IOs (requests)': { measure: 'IOs', size: 1 },
  GB: { measure: 'GB', size: 1 },
  Metrics: { measure: 'metrics', size: 1 },
  'Metrics-Mo': { measure: 'metrics', size: 1 },
  'vCPU-Hours': { measure: 'vCPU-hours', size: 1 },
  'vCPU-Hrs': { measure: 'vCPU-hours', size: 1 },
  Requests: { measure: 'requests', size: 1 },
  '1M requests': { measure: 'requests', size: 1_000_000 },
  '10k requests': { measure: 'requests', size: 10_000 },
  Month: { measure: 'months', size: 1 },
  Mo: { measure: 'months', size: 1 },
  Alarms: { measure: 'alarms', size: 1 },
  'Alarm-Mo': { measure: 'alarms', size: 1 },
  // Databases, caches, containers (Aurora capacity units, Fargate memory, Redshift Spectrum scans).
  'ACU-Hr': { measure: 'ACU-hours', size: 1 },
  'ACU-Hrs': { measure: 'ACU-hours', size: 1 },
  'GB-Hours': { measure: 'GB-hours', size: 1 },
  'GB-Hrs': { measure: 'GB-hours', size: 1 },
  Terabytes: { measure: 'TB', size: 1 },
  // Serverless, data and messaging services (feed units and their Price List spellings).
  'GB-Second': { measure: 'GB-seconds', size: 1 },
  'GB-Seconds': { measure: 'GB-seconds', size: 1 },
  'Lambda-GB-Second': { measure: 'GB-seconds', size: 1 },
  'CapacityUnit-Hrs': { measure: 'capacity-unit-hours', size: 1 },
  'ReadCapacityUnit-Hrs': { measure: 'capacity-unit-hours', size: 1 },
  'WriteCapacityUnit-Hrs': { measure: 'capacity-unit-hours', size: 1 },
  RequestUnits: { measure: 'request-units', size: 1 },
  ReadRequestUnits: { measure: 'request-units', size: 1 },
  WriteRequestUnits: { measure: 'request-units', size: 1 },
  Notifications: { measure: 'notifications', size: 1 },
  'Notifications/Messages': { measure: 'notifications', size: 1 },
  Queries: { measure: 'queries', size: 1 },
  Objects: { measure: 'objects', size: 1 },
  'Key-Mo': { measure: 'months', size: 1 },
  'HostedZone-Mo': { measure: 'months', size: 1 },
  'HealthCheck-Mo': { measure: 'months', size: 1 },
  'Dashboard-Mo': { measure: 'months', size: 1 },
  Messages: { measure: 'messages', size: 1 },
  Minutes: { measure: 'minutes', size: 1 },
  ShardHour: { measure: 'hours', size: 1 },
  // CloudFront invalidations are priced per path (URL).
  URL: { measure: 'paths', size: 1 },
  StreamHour: { measure: 'hours', size: 1 },
  PutRequest: { measure: 'payload units', size: 1 },
};

/** How many price units one component unit is, or undefined when they measure different things. */
export function unitsPerPriceUnit(componentUnit: string, priceUnit: string): Decimal | undefined {
  if (componentUnit === priceUnit) return Decimal.ONE;
  const p = PRICE_UNITS[priceUnit];
  if (!p || p.measure !== componentUnit) return undefined;
  let size = SIZES.get(p.size);
  if (!size) SIZES.set(p.size, (size = Decimal.fromInt(p.size)));
  return size;
}

/** Decimal sizes of price units, made once each (asked once per priced component). */
const SIZES = new Map<number, Decimal>();

/** How a price unit reads in a report: "hour", "730 hours", "1M requests". */
export function describePriceUnit(priceUnit: string): string {
  const p = PRICE_UNITS[priceUnit];
  if (!p) return priceUnit;
  const singular = p.measure.replace(/s$/, '').replace(/ies$/, 'y');
  return p.size === 1 ? singular : `${formatCount(p.size)} ${p.measure}`;
}

function formatCount(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0 && n !== 730) return `${n / 1_000}k`;
  return String(n);
}
