import { runningHours, usageLine } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { UnknownValueError } from '../view.js';
import { transferData, transferProtocolHours } from './shared/prices-platform.js';

/** A Transfer Family server: each enabled protocol by the hour, and GB moved. Not in the snapshot. */
export const awsTransferServer: ResourceType = {
  type: 'aws_transfer_server',
  usageKeys: [
    { key: 'monthly_data_downloaded_gb', description: 'GB downloaded per month' },
    { key: 'monthly_data_uploaded_gb', description: 'GB uploaded per month' },
  ],
  costs(r) {
    if (r.isUnknown('protocols')) throw new UnknownValueError('protocols');
    const listed = r.raw('protocols');
    const protocols = Array.isArray(listed) && listed.length ? listed.map(String) : ['SFTP'];
    const components: CostComponentSpec[] = protocols.map((protocol) => ({
      name: `${protocol} protocol enabled`,
      unit: 'hours',
      price: transferProtocolHours(r.region, protocol),
      quantity: runningHours(r),
    }));
    components.push(
      usageLine(r, 'monthly_data_downloaded_gb', { name: 'Data downloaded', unit: 'GB', price: transferData(r.region, 'DownloadBytes') }),
      usageLine(r, 'monthly_data_uploaded_gb', { name: 'Data uploaded', unit: 'GB', price: transferData(r.region, 'UploadBytes') }),
    );
    return { components };
  },
};
