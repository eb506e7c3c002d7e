import { monthlyQuantity } from '../../../src/estimate/cost.js';
import { awsEcrRepository } from '../../../src/resources/aws/aws_ecr_repository.js';
import { ResourceView } from '../../../src/resources/view.js';
import { component, estimateOne } from '../../support/estimate.js';

describe('aws_ecr_repository (online-only: ECR is not in the snapshot)', () => {
  it('asks the Price List for ECR storage per GB-month from usage', () => {
    const view = new ResourceView({ address: 'aws_ecr_repository.app', type: 'aws_ecr_repository', region: 'eu-west-1', values: { name: 'app' }, usage: { storage_gb: 25 } });
    const [storage] = awsEcrRepository.costs(view).components;
    expect(storage.price).toEqual({
      service: 'AmazonECR',
      region: 'eu-west-1',
      productFamily: 'EC2 Container Registry',
      attributes: { usagetype: 'TimedStorage-ByteHrs' },
      purchaseOption: 'on_demand',
    });
    expect(monthlyQuantity(storage)?.toString()).toBe('25');
    expect(storage.unit).toBe('GB-months');
  });

  it('is reported unpriced offline with the cache’s reason', async () => {
    const r = await estimateOne('aws_ecr_repository', { name: 'app' }, { storage_gb: 25 });
    expect(r.monthlyCost).toBeNull();
    expect(r.unpriced).toEqual([{ component: 'Storage', reason: expect.stringMatching(/not in pricing cache for us-east-1 \(AmazonECR\)/) }]);
    expect(() => component(r, 'Storage')).toThrow();
  });
});
