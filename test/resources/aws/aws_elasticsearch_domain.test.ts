import { estimateOne } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// Elasticsearch domains are billed as OpenSearch Service (AmazonES), not in the snapshot.
describe('aws_elasticsearch_domain', () => {
  it('asks for *.elasticsearch types under their OpenSearch names', () => {
    const s = specOf('aws_elasticsearch_domain', {
      cluster_config: [{ instance_type: 'm5.large.elasticsearch', instance_count: 2 }],
      ebs_options: [{ ebs_enabled: true, volume_size: 20 }],
    });
    const data = line(s, 'Instance (on-demand, m5.large.elasticsearch)');
    expect(data.price.attributes).toEqual({ instanceType: 'm5.large.search', usagetype: 'ESInstance:m5.large' });
    // 2 × 730
    expect(monthly(data)).toBe('1460');
    // gp2 by default; 20 GB × 2 nodes
    expect(line(s, 'Storage (gp2)').price.attributes).toEqual({ storageMedia: 'GP2' });
    expect(monthly(line(s, 'Storage (gp2)'))).toBe('40');
  });

  it('defaults to m4.large; unpriced offline', async () => {
    const r = await estimateOne('aws_elasticsearch_domain', {});
    expect(r.unpriced.map((u) => u.component)).toEqual(['Instance (on-demand, m4.large.elasticsearch)']);
    expect(r.unpriced[0].reason).toMatch(/^not in pricing cache for us-east-1 \(AmazonES\)/);
  });
});
