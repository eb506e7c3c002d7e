import { Decimal } from '../../core/decimal.js';
import type { ResourceType } from '../types.js';
import { UnknownValueError } from '../view.js';
import { CACHE_USAGE_KEYS, cacheEngine, cacheNodeComponents } from './shared/elasticache.js';

/**
 * An ElastiCache replication group (Redis OSS or Valkey): with cluster mode, num_node_groups
 * shards of one primary and replicas_per_node_group replicas each; without, num_cache_clusters
 * nodes.
 */
export const awsElasticacheReplicationGroup: ResourceType = {
  type: 'aws_elasticache_replication_group',
  usageKeys: [{ key: 'monthly_hrs', description: 'hours the nodes run per month (default 730)' }, ...CACHE_USAGE_KEYS],
  costs(r) {
    const nodeType = r.str('node_type');
    if (!nodeType) throw new UnknownValueError('node_type');
    const assumptions: string[] = [];
    // Older providers configure shards in a cluster_mode block.
    const legacy = r.block('cluster_mode');
    const shards = r.optNum('num_node_groups') ?? legacy?.optNum('num_node_groups');
    let nodes: Decimal;
    if (shards !== undefined) {
      const replicas = r.optNum('replicas_per_node_group') ?? legacy?.optNum('replicas_per_node_group') ?? Decimal.ZERO;
      nodes = shards.times(replicas.plus(Decimal.ONE));
    } else {
      const clusters = r.optNum('num_cache_clusters') ?? r.optNum('number_cache_clusters');
      if (clusters === undefined) assumptions.push('num_cache_clusters is not set; assumed AWS’s default of 1 node');
      nodes = clusters ?? Decimal.ONE;
    }
    return {
      components: cacheNodeComponents(r, {
        engine: cacheEngine(r.str('engine', 'redis')),
        nodeType,
        nodes,
        snapshotRetentionDays: r.optNum('snapshot_retention_limit') ?? Decimal.ZERO,
      }),
      assumptions,
    };
  },
};
