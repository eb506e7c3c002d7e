import { Decimal } from '../../../core/decimal.js';
import { InvalidValueError, type ResourceView } from '../../view.js';

const KB_PER_GB = Decimal.fromInt(1024);
const MS_PER_SECOND = Decimal.fromInt(1000);

/** Memory in MB as GB (AWS counts 1,024 MB to the GB for Lambda and Step Functions). */
export function mbToGb(mb: Decimal): Decimal {
  return mb.dividedBy(KB_PER_GB);
}

/**
 * GB-seconds of `requests` invocations lasting `durationMs` each with `memoryMb` configured:
 * duration is billed per started millisecond.
 */
export function gbSeconds(requests: Decimal, durationMs: Decimal, memoryMb: Decimal): Decimal {
  return requests.times(durationMs.ceil()).dividedBy(MS_PER_SECOND).times(mbToGb(memoryMb));
}

/**
 * Requests as billed when every started `chunkKb` of payload counts as one request (SQS and SNS:
 * 64 KB; HTTP APIs: 512 KB; WebSocket messages: 32 KB). Undefined when the count is not in the
 * usage file. Without a size, each request is taken as one chunk, and the assumption is recorded.
 */
export function chunkedRequests(
  r: ResourceView,
  countKey: string,
  sizeKey: string,
  chunkKb: number,
  assumptions: string[],
): Decimal | undefined {
  const count = r.usageNum(countKey);
  if (count === undefined) return undefined;
  const size = r.usageNum(sizeKey);
  if (size === undefined) {
    assumptions.push(`each of the ${countKey} is taken as at most ${chunkKb} KB (set ${sizeKey} otherwise)`);
    return count;
  }
  const chunks = Decimal.max(Decimal.ONE, size.dividedBy(Decimal.fromInt(chunkKb)).ceil());
  return count.times(chunks);
}

/** A number inside a nested usage map (standard.storage_gb, monthly_http_requests.us). */
export function usageMapNum(r: ResourceView, mapKey: string, key: string): Decimal | undefined {
  const v = r.usageMap(mapKey)?.[key];
  if (v === undefined || v === null) return undefined;
  const d = Decimal.tryFrom(v);
  if (!d) throw new InvalidValueError(`usage ${mapKey}.${key} for ${r.address} should be a number, got ${JSON.stringify(v)}`);
  if (d.isNegative()) throw new InvalidValueError(`usage ${mapKey}.${key} for ${r.address} must not be negative`);
  return d;
}

/** True when the usage file gives any value under a nested usage map. */
export function hasUsageMap(r: ResourceView, mapKey: string): boolean {
  const map = r.usageMap(mapKey);
  return map !== undefined && Object.values(map).some((v) => v !== undefined && v !== null);
}
