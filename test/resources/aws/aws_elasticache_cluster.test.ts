import { component, cost, estimateOne } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// us-east-1 ElastiCache nodes (elasticache_node_pricing.csv, 2025-04-24): Redis cache.m5.large
// $0.156/h, Memcached cache.t3.micro $0.017/h, Valkey cache.r6g.large $0.1648/h.
describe('aws_elasticache_cluster', () => {
  it('Memcached: node hours × num_cache_nodes', async () => {
    const r = await estimateOne('aws_elasticache_cluster', { engine: 'memcached', node_type: 'cache.t3.micro', num_cache_nodes: 3 });
    // 3 × 730 × 0.017 = 37.23
    expect(component(r, 'Cache nodes (Memcached, on-demand, cache.t3.micro)').monthlyQuantity?.toString()).toBe('2190');
    expect(cost(r.monthlyCost)).toBe('37.23');
  });

  it('Redis with a single node; Valkey priced as Valkey', async () => {
    const redis = await estimateOne('aws_elasticache_cluster', { engine: 'redis', node_type: 'cache.m5.large' });
    // 730 × 0.156 = 113.88
    expect(cost(redis.monthlyCost)).toBe('113.88');
    const valkey = await estimateOne('aws_elasticache_cluster', { engine: 'valkey', node_type: 'cache.r6g.large', num_cache_nodes: 1 });
    // 730 × 0.1648 = 120.304 → 120.30
    expect(cost(valkey.monthlyCost)).toBe('120.30');
  });

  it('snapshots beyond the free one are asked for; the snapshot price is not in the data', async () => {
    const r = await estimateOne('aws_elasticache_cluster', { engine: 'redis', node_type: 'cache.m5.large', snapshot_retention_limit: 5 }, { snapshot_storage_size_gb: 10 });
    expect(r.unpriced).toEqual([{ component: 'Backup storage', reason: 'no Storage Snapshot price in the pricing cache for us-east-1' }]);
    // 10 GB × (5 − 1) snapshots = 40 GB-months, asked of AmazonElastiCache "Storage Snapshot"
    const backup = line(specOf('aws_elasticache_cluster', { engine: 'redis', node_type: 'cache.m5.large', snapshot_retention_limit: 5 }, { snapshot_storage_size_gb: 10 }), 'Backup storage');
    expect(backup.price).toMatchObject({ service: 'AmazonElastiCache', productFamily: 'Storage Snapshot' });
    expect(monthly(backup)).toBe('40');
    expect(cost(r.monthlyCost)).toBe('113.88');
  });

  it('members of a replication group are billed through the group; bad engines are refused', async () => {
    expect(specOf('aws_elasticache_cluster', { replication_group_id: 'rg-1' }).free).toBe('its nodes are billed through the replication group');
    const bad = await estimateOne('aws_elasticache_cluster', { engine: 'mongo', node_type: 'cache.m5.large' });
    expect(bad.unpriced[0].reason).toMatch(/engine "mongo" is not one of redis, valkey, memcached/);
  });
});
