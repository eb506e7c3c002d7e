import { Decimal } from '../../../core/decimal.js';
import { fromUsage, runningHours } from '../../quantity.js';
import type { CostComponentSpec } from '../../types.js';
import { InvalidValueError, type ResourceView } from '../../view.js';
import { elasticacheBackupStorage, elasticacheNodeHours, type CacheEngine } from './prices-platform.js';

/** Nodes and backups of an ElastiCache cluster or replication group. */

const ENGINES: Record<string, CacheEngine> = { redis: 'Redis', valkey: 'Valkey', memcached: 'Memcached' };

export const CACHE_USAGE_KEYS = [
  { key: 'snapshot_storage_size_gb', description: 'size of one snapshot, GB (Redis OSS and Valkey backups)' },
];

export function cacheEngine(name: string): CacheEngine {
  const engine = ENGINES[name.toLowerCase()];
  if (!engine) throw new InvalidValueError(`engine "${name}" is not one of ${Object.keys(ENGINES).join(', ')}`);
  return engine;
}

export function cacheNodeComponents(
  r: ResourceView,
  spec: { engine: CacheEngine; nodeType: string; nodes: Decimal; snapshotRetentionDays: Decimal },
): CostComponentSpec[] {
  const components: CostComponentSpec[] = [
    {
      name: `Cache nodes (${spec.engine}, on-demand, ${spec.nodeType})`,
      unit: 'hours',
      price: elasticacheNodeHours(r.region, spec.engine, spec.nodeType),
      quantity: runningHours(r, spec.nodes),
    },
  ];
  // One snapshot per cluster is stored free; each further day of retention keeps one more.
  if (spec.engine !== 'Memcached' && spec.snapshotRetentionDays.gt(Decimal.ONE)) {
    components.push({
      name: 'Backup storage',
      unit: 'GB-months',
      price: elasticacheBackupStorage(r.region),
      quantity: fromUsage(r.usageNum('snapshot_storage_size_gb'), spec.snapshotRetentionDays.minus(Decimal.ONE)),
      usageBased: true,
    });
  }
  return components;
}
