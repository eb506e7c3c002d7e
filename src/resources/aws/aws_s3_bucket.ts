import type { PriceQuery } from '../../pricing/types.js';
import { fromUsage } from '../quantity.js';
import type { ResourceType, SubresourceSpec, UsageKey } from '../types.js';
import type { ResourceView } from '../view.js';
import { s3DeepArchive, s3Fee, s3Requests, s3Storage } from './shared/prices-data.js';
import { hasUsageMap, usageMapNum } from './shared/usage-math.js';

/** One line of a storage class: the usage key (inside the class's usage map) it is counted by. */
interface Line {
  name: string;
  key: string;
  unit: string;
  price: (region: string) => PriceQuery;
}

interface StorageClass {
  /** Infracost's usage map key for the class. */
  key: string;
  label: string;
  /** Terraform storage_class values that move objects into it (lifecycle transitions). */
  lifecycle: string[];
  lines: Line[];
}

const requestLines = (tier1: string, tier2: string, tier1Extra: Record<string, string> = {}): Line[] => [
  { name: 'PUT, COPY, POST, LIST requests', key: 'monthly_tier_1_requests', unit: 'requests', price: (rg) => s3Requests(rg, tier1, tier1Extra) },
  { name: 'GET, SELECT, and all other requests', key: 'monthly_tier_2_requests', unit: 'requests', price: (rg) => s3Requests(rg, tier2) },
];

const selectLines = (scanned: string, returned: string): Line[] => [
  { name: 'Select data scanned', key: 'monthly_select_data_scanned_gb', unit: 'GB', price: (rg) => s3Fee(rg, scanned) },
  { name: 'Select data returned', key: 'monthly_select_data_returned_gb', unit: 'GB', price: (rg) => s3Fee(rg, returned) },
];

/** Standard-IA, One Zone-IA and Glacier Instant Retrieval share one shape; `code` is their usage-type tag. */
function infrequentAccess(key: string, label: string, lifecycle: string, code: string): StorageClass {
  return {
    key,
    label,
    lifecycle: [lifecycle],
    lines: [
      { name: 'Storage', key: 'storage_gb', unit: 'GB-months', price: (rg) => s3Storage(rg, `TimedStorage-${code}-ByteHrs`) },
      ...requestLines(`Requests-${code}-Tier1`, `Requests-${code}-Tier2`),
      { name: 'Retrievals', key: 'monthly_data_retrieval_gb', unit: 'GB', price: (rg) => s3Fee(rg, `Retrieval-${code}`) },
      ...selectLines(`Select-Scanned-${code}-Bytes`, `Select-Returned-${code}-Bytes`),
    ],
  };
}

const intelligentStorage = (name: string, key: string, tier: string): Line => ({
  name: `Storage (${name})`,
  key,
  unit: 'GB-months',
  price: (rg) => s3Storage(rg, `TimedStorage-INT-${tier}-ByteHrs`),
});

const STORAGE_CLASSES: StorageClass[] = [
  {
    key: 'standard',
    label: 'Standard',
    lifecycle: ['STANDARD'],
    lines: [
      { name: 'Storage', key: 'storage_gb', unit: 'GB-months', price: (rg) => s3Storage(rg, 'TimedStorage-ByteHrs') },
      ...requestLines('Requests-Tier1', 'Requests-Tier2'),
      ...selectLines('Select-Scanned-Bytes', 'Select-Returned-Bytes'),
    ],
  },
  {
    key: 'intelligent_tiering',
    label: 'Intelligent-Tiering',
    lifecycle: ['INTELLIGENT_TIERING'],
    lines: [
      intelligentStorage('frequent access', 'frequent_access_storage_gb', 'FA'),
      intelligentStorage('infrequent access', 'infrequent_access_storage_gb', 'IA'),
      intelligentStorage('archive instant access', 'archive_instant_access_storage_gb', 'AIA'),
      intelligentStorage('archive access', 'archive_access_storage_gb', 'AA'),
      intelligentStorage('deep archive access', 'deep_archive_access_storage_gb', 'DAA'),
      { name: 'Monitoring and automation', key: 'monitored_objects', unit: 'objects', price: (rg) => s3Fee(rg, 'Monitoring-Automation-INT') },
      ...requestLines('Requests-INT-Tier1', 'Requests-INT-Tier2'),
      ...selectLines('Select-Scanned-INT-Bytes', 'Select-Returned-INT-Bytes'),
    ],
  },
  infrequentAccess('standard_infrequent_access', 'Standard-IA', 'STANDARD_IA', 'SIA'),
  infrequentAccess('one_zone_infrequent_access', 'One Zone-IA', 'ONEZONE_IA', 'ZIA'),
  infrequentAccess('glacier_instant_retrieval', 'Glacier Instant Retrieval', 'GLACIER_IR', 'GIR'),
  {
    key: 'glacier_flexible_retrieval',
    label: 'Glacier Flexible Retrieval',
    lifecycle: ['GLACIER'],
    lines: [
      { name: 'Storage', key: 'storage_gb', unit: 'GB-months', price: (rg) => s3Storage(rg, 'TimedStorage-GlacierByteHrs') },
      ...requestLines('Requests-GLACIER-Tier1', 'Requests-GLACIER-Tier2', { operation: 'PutObject' }),
    ],
  },
  {
    key: 'glacier_deep_archive',
    label: 'Glacier Deep Archive',
    lifecycle: ['DEEP_ARCHIVE'],
    lines: [
      { name: 'Storage', key: 'storage_gb', unit: 'GB-months', price: (rg) => s3DeepArchive(rg, 'Storage', 'TimedStorage-GDA-ByteHrs') },
      { name: 'PUT, COPY, POST, LIST requests', key: 'monthly_tier_1_requests', unit: 'requests', price: (rg) => s3DeepArchive(rg, 'API Request', 'Requests-GDA-Tier1') },
      { name: 'GET, SELECT, and all other requests', key: 'monthly_tier_2_requests', unit: 'requests', price: (rg) => s3DeepArchive(rg, 'API Request', 'Requests-GDA-Tier2') },
    ],
  },
];

/** Storage classes the bucket's own lifecycle rules move objects into. */
function lifecycleClasses(r: ResourceView): Set<string> {
  const classes = new Set<string>();
  // lifecycle_rule is computed when not configured (provider v4+).
  if (r.isUnknown('lifecycle_rule')) return classes;
  for (const rule of r.blocks('lifecycle_rule')) {
    if (!rule.optBool('enabled', true)) continue;
    for (const name of ['transition', 'noncurrent_version_transition']) {
      if (rule.isUnknown(name)) continue;
      for (const t of rule.blocks(name)) {
        const storageClass = t.optStr('storage_class');
        if (storageClass) classes.add(storageClass);
      }
    }
  }
  return classes;
}

/**
 * An S3 bucket: one sub-resource per storage class it holds data in. Standard is always shown;
 * another class appears when the usage file gives values for it or a lifecycle rule of the bucket
 * transitions objects into it. Usage keys are Infracost's, nested per class.
 */
export const awsS3Bucket: ResourceType = {
  type: 'aws_s3_bucket',
  usageKeys: STORAGE_CLASSES.flatMap((c) =>
    c.lines.map((l): UsageKey => ({ key: `${c.key}.${l.key}`, description: `${c.label}: ${l.name.toLowerCase()} (${l.unit} per month)` })),
  ),
  costs(r) {
    const transitions = lifecycleClasses(r);
    const subresources: SubresourceSpec[] = STORAGE_CLASSES.filter(
      (c) => c.key === 'standard' || hasUsageMap(r, c.key) || c.lifecycle.some((l) => transitions.has(l)),
    ).map((c) => ({
      name: c.label,
      components: c.lines.map((l) => ({
        name: l.name,
        unit: l.unit,
        price: l.price(r.region),
        quantity: fromUsage(usageMapNum(r, c.key, l.key)),
        usageBased: true,
      })),
    }));
    return { components: [], subresources };
  },
};
