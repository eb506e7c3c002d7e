import { estimateOne } from '../../support/estimate.js';
import { line, monthly, specOf } from './spec-support.js';

// Transfer Family prices are not in the snapshot: asked of AWSTransfer, unpriced offline.
describe('aws_transfer_server', () => {
  it('one line per enabled protocol, plus GB moved from usage', () => {
    const s = specOf('aws_transfer_server', { protocols: ['SFTP', 'FTPS'] }, { monthly_data_downloaded_gb: 300, monthly_data_uploaded_gb: 100 });
    expect(s.components.map((c) => c.name)).toEqual(['SFTP protocol enabled', 'FTPS protocol enabled', 'Data downloaded', 'Data uploaded']);
    expect(line(s, 'FTPS protocol enabled').price).toMatchObject({ service: 'AWSTransfer', productFamily: 'AWS Transfer Family', attributes: { operation: 'FTPS:S3', usagetype: 'ProtocolHours' } });
    expect(monthly(line(s, 'SFTP protocol enabled'))).toBe('730');
    expect(monthly(line(s, 'Data downloaded'))).toBe('300');
  });

  it('SFTP by default; unpriced offline', async () => {
    const r = await estimateOne('aws_transfer_server', {});
    expect(r.unpriced.map((u) => u.component)).toEqual(['SFTP protocol enabled', 'Data downloaded', 'Data uploaded']);
    expect(r.unpriced[0].reason).toMatch(/^not in pricing cache for us-east-1 \(AWSTransfer\)/);
  });
});
