import { meteredDataset, table, type Mapped } from '../metered.js';

/**
 * efs_pricing.csv: storage classes, data access charges and provisioned throughput. "ET" is the
 * Infrequent Access price for file systems on Elastic Throughput; the plain IA key is the older
 * price that still applies under Bursting and Provisioned throughput.
 */
const storage = (usagetype: string): Mapped => ({ family: 'Storage', attributes: { usagetype }, unit: 'GB-Mo' });
// Read and write share a usagetype and differ by accessType.
const access = (usagetype: string, accessType: 'Read' | 'Write'): Mapped => ({ attributes: { accessType, usagetype }, unit: 'GB' });

export const efs = meteredDataset(
  'efs_pricing.csv',
  table({
    'General Purpose Storage GB Mo': storage('TimedStorage-ByteHrs'),
    'Infrequent Access Storage GB Mo': storage('IATimedStorage-ByteHrs'),
    'Infrequent Access ET Storage GB Mo': storage('IATimedStorage-ET-ByteHrs'),
    'Archive Storage GB Mo': storage('ArchiveTimedStorage-ByteHrs'),
    'One Zone General Purpose Storage GB Mo': storage('TimedStorage-Z-ByteHrs'),
    'One Zone Infrequent Access Storage GB Mo': storage('IATimedStorage-Z-ByteHrs'),
    'Infrequent Access Requests Read per GB': access('IADataAccess-Bytes', 'Read'),
    'Infrequent Access Requests Write per GB': access('IADataAccess-Bytes', 'Write'),
    'Archive Storage Read Read GB': access('ArchiveDataAccess-Bytes', 'Read'),
    'Archive Storage Write Write GB': access('ArchiveDataAccess-Bytes', 'Write'),
    'EFS Storage Requests Read per GB': access('ETDataAccess-Bytes', 'Read'),
    'EFS Storage Requests Write per GB': access('ETDataAccess-Bytes', 'Write'),
    // The feed's "MBps-Mo" is the Price List's MiBps-Mo.
    'Throughput Provisioned': { family: 'Provisioned Throughput', attributes: { usagetype: 'ProvisionedTP-MiBpsHrs' }, unit: 'MiBps-Mo' },
  }),
);
