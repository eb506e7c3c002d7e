import { cost, estimateOne } from '../../support/estimate.js';

// us-east-1 ElastiCache nodes (elasticache_node_pricing.csv, 2025-04-24): Redis cache.m5.large
// $0.156/h, Valkey cache.r6g.large $0.1648/h, Redis cache.t4g.medium $0.065/h.
describe('aws_elasticache_replication_group', () => {
  it('cluster mode: num_node_groups × (replicas_per_node_group + 1) nodes', async () => {
    const r = await estimateOne('aws_elasticache_replication_group', { engine: 'valkey', node_type: 'cache.r6g.large', num_node_groups: 3, replicas_per_node_group: 2 });
    // 3 × (2 + 1) = 9 nodes; 9 × 730 = 6,570 h × 0.1648 = 1,082.736 → 1,082.74
    expect(r.components[0].monthlyQuantity?.toString()).toBe('6570');
    expect(cost(r.monthlyCost)).toBe('1082.74');
  });

  it('without cluster mode: num_cache_clusters nodes, Redis by default', async () => {
    const r = await estimateOne('aws_elasticache_replication_group', { node_type: 'cache.m5.large', num_cache_clusters: 2 });
    // 2 × 730 × 0.156 = 227.76
    expect(r.components[0].name).toBe('Cache nodes (Redis, on-demand, cache.m5.large)');
    expect(cost(r.monthlyCost)).toBe('227.76');
  });

  it('the older cluster_mode block, and the default of one node said out loud', async () => {
    const legacy = await estimateOne('aws_elasticache_replication_group', { engine: 'redis', node_type: 'cache.t4g.medium', cluster_mode: [{ num_node_groups: 2, replicas_per_node_group: 1 }] });
    // 2 × 2 = 4 nodes × 730 × 0.065 = 189.80
    expect(cost(legacy.monthlyCost)).toBe('189.80');
    const single = await estimateOne('aws_elasticache_replication_group', { node_type: 'cache.t4g.medium' });
    // 730 × 0.065 = 47.45
    expect(cost(single.monthlyCost)).toBe('47.45');
    expect(single.assumptions).toEqual(['num_cache_clusters is not set; assumed AWS’s default of 1 node']);
  });
});
