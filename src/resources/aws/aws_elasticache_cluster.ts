import { Decimal } from '../../core/decimal.js';
import type { ResourceType } from '../types.js';
import { UnknownValueError } from '../view.js';
import { CACHE_USAGE_KEYS, cacheEngine, cacheNodeComponents } from './shared/elasticache.js';

/**
 * An ElastiCache cluster: node hours × num_cache_nodes, and Redis OSS/Valkey backups. A cluster
 * that joins a replication group is billed through the group.
 */
export const awsElasticacheCluster: ResourceType = {
  type: 'aws_elasticache_cluster',
  usageKeys: [{ key: 'monthly_hrs', description: 'hours the nodes run per month (default 730)' }, ...CACHE_USAGE_KEYS],
  costs(r) {
    if (r.isUnknown('replication_group_id') || r.has('replication_group_id')) {
      return { components: [], free: 'its nodes are billed through the replication group' };
    }
    const engineName = r.str('engine');
    if (!engineName) throw new UnknownValueError('engine');
    const nodeType = r.str('node_type');
    if (!nodeType) throw new UnknownValueError('node_type');
    return {
      components: cacheNodeComponents(r, {
        engine: cacheEngine(engineName),
        nodeType,
        nodes: r.num('num_cache_nodes', 1),
        snapshotRetentionDays: r.optNum('snapshot_retention_limit') ?? Decimal.ZERO,
      }),
    };
  },
};
