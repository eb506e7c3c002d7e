import { component, cost, estimateOne } from '../../support/estimate.js';

// us-east-1: key 1.00 per month; symmetric and RSA 2048 requests 0.000003, other asymmetric
// 0.000015, ECC GenerateDataKeyPair 0.00001 per request.
describe('aws_kms_key', () => {
  it('a symmetric key with 1M requests is $4.00', async () => {
    const r = await estimateOne('aws_kms_key', { description: 'app', key_usage: 'ENCRYPT_DECRYPT' }, { monthly_requests: 1_000_000 });
    // 1.00 + 1M × 0.000003 = 3.00
    expect(cost(component(r, 'Customer managed key').monthlyCost)).toBe('1.00');
    expect(cost(component(r, 'Requests').monthlyCost)).toBe('3.00');
    expect(cost(r.monthlyCost)).toBe('4.00');
  });

  it('asymmetric specs use their request prices', async () => {
    const rsa2048 = await estimateOne('aws_kms_key', { key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY' }, { monthly_requests: 100_000 });
    // 100k × 0.000003 = 0.30
    expect(cost(component(rsa2048, 'Requests (RSA 2048)').monthlyCost)).toBe('0.30');
    const rsa4096 = await estimateOne('aws_kms_key', { customer_master_key_spec: 'RSA_4096' }, { monthly_requests: 100_000 });
    // 100k × 0.000015 = 1.50
    expect(cost(component(rsa4096, 'Requests (asymmetric)').monthlyCost)).toBe('1.50');
  });

  it('GenerateDataKeyPair requests appear with usage; the RSA price is not in the snapshot', async () => {
    const r = await estimateOne('aws_kms_key', {}, { monthly_ecc_generate_data_key_pair_requests: 10_000, monthly_rsa_generate_data_key_pair_requests: 10_000 });
    // 10k × 0.00001 = 0.10
    expect(cost(component(r, 'ECC GenerateDataKeyPair requests').monthlyCost)).toBe('0.10');
    expect(r.unpriced).toEqual([{ component: 'RSA GenerateDataKeyPair requests', reason: expect.stringMatching(/no .* price in the pricing cache for us-east-1/) }]);
    const plain = await estimateOne('aws_kms_key', {});
    expect(plain.components.map((c) => c.name)).toEqual(['Customer managed key', 'Requests']);
  });
});
