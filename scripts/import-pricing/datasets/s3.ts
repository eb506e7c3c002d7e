import { mapped, meteredDataset, table, type Mapped } from '../metered.js';

/**
 * s3_pricing.csv → AmazonS3 products by `usagetype` (region prefix dropped). Storage tiers are
 * stated in the keys ("First 50 TB", "Next 450 TB", "Over 500 TB"; 1 TB = 1,024 GB). Glacier Deep
 * Archive is its own Price List service (AmazonS3GlacierDeepArchive) and is not mapped here.
 */
const storage = (usagetype: string, start?: string, end?: string): Mapped => mapped('Storage', { usagetype }, 'GB-Mo', start, end);
const requests = (usagetype: string, extra: Record<string, string> = {}): Mapped => ({
  family: 'API Request',
  attributes: { usagetype, ...extra },
  unit: 'Requests',
});
const perGb = (usagetype: string): Mapped => ({ attributes: { usagetype }, unit: 'GB' });

const FIFTY_TB = String(50 * 1024);
const FIVE_HUNDRED_TB = String(500 * 1024);

export const s3 = meteredDataset(
  's3_pricing.csv',
  table({
    'Standard Storage First 50 TB per GB Mo': storage('TimedStorage-ByteHrs', undefined, FIFTY_TB),
    'Standard Storage Next 450 TB per GB Mo': storage('TimedStorage-ByteHrs', FIFTY_TB, FIVE_HUNDRED_TB),
    'Standard Storage Over 500 TB per GB Mo': storage('TimedStorage-ByteHrs', FIVE_HUNDRED_TB),
    'Standard Infrequent Access Storage per GB-Mo': storage('TimedStorage-SIA-ByteHrs'),
    'One Zone Infrequent Access Storage Inf per GB-Mo': storage('TimedStorage-ZIA-ByteHrs'),
    'Glacier Instant Retrieval Storage': storage('TimedStorage-GIR-ByteHrs'),
    'Glacier Storage per GB Mo': storage('TimedStorage-GlacierByteHrs'),
    'Intelligent Tiering Frequent Access First 50 TB per GB Mo': storage('TimedStorage-INT-FA-ByteHrs', undefined, FIFTY_TB),
    'Intelligent Tiering Frequent Access Next 450 TB per GB Mo': storage('TimedStorage-INT-FA-ByteHrs', FIFTY_TB, FIVE_HUNDRED_TB),
    'Intelligent Tiering Frequent Access Over 500 TB per GB Mo': storage('TimedStorage-INT-FA-ByteHrs', FIVE_HUNDRED_TB),
    'Intelligent Tiering Infrequent Access per GB Mo': storage('TimedStorage-INT-IA-ByteHrs'),
    'Intelligent Tiering Archive Instant Access': storage('TimedStorage-INT-AIA-ByteHrs'),
    IntelligentTieringArchiveAccess: storage('TimedStorage-INT-AA-ByteHrs'),
    IntelligentTieringDeepArchiveAccess: storage('TimedStorage-INT-DAA-ByteHrs'),
    'Per object per month monitoring and automation fee for objects in Intelligent Tiering': {
      attributes: { usagetype: 'Monitoring-Automation-INT' },
      unit: 'Objects',
    },

    'PUT COPY/POST or LIST requests per Requests': requests('Requests-Tier1'),
    'GET and all other requests per Requests': requests('Requests-Tier2'),
    'PUT COPY/POST or LIST requests to Standard Infrequent Access per Requests': requests('Requests-SIA-Tier1'),
    'GET and all other requests to Standard Infrequent Access per Requests': requests('Requests-SIA-Tier2'),
    'PUT COPY/POST or LIST requests to One Zone Infrequent Access per Requests': requests('Requests-ZIA-Tier1'),
    'GET and all other requests to One Zone Infrequent Access per Requests': requests('Requests-ZIA-Tier2'),
    'PUT COPY/POST or LIST requests to Intelligent Tiering per Requests': requests('Requests-INT-Tier1'),
    'GET and all other requests to Intelligent Tiering per Requests': requests('Requests-INT-Tier2'),
    'PUT COPY/POST or LIST requests to Glacier Instant Retrieval per Requests': requests('Requests-GIR-Tier1'),
    'GET and all other requests to Glacier Instant Retrieval per Requests': requests('Requests-GIR-Tier2'),
    // Glacier Flexible Retrieval tier-1 requests are split by operation in the Price List.
    'PUT requests to Glacier per Requests': requests('Requests-GLACIER-Tier1', { operation: 'PutObject' }),
    'GET and all other requests to GLACIER per Requests': requests('Requests-GLACIER-Tier2'),

    'Object Retrieval in Standard Infrequent Access per GB': perGb('Retrieval-SIA'),
    'Object Retrieval in One Zone Infrequent Access per GB': perGb('Retrieval-ZIA'),
    'Object Retrieval in Glacier Instant Retrieval per GB': perGb('Retrieval-GIR'),

    'Data Scanned by S3 Select in Standard per GB': perGb('Select-Scanned-Bytes'),
    'Data Returned by S3 Select in Standard per GB': perGb('Select-Returned-Bytes'),
    'Data Scanned by S3 Select in Standard Infrequent Access per GB': perGb('Select-Scanned-SIA-Bytes'),
    'Data Returned by S3 Select in Standard Infrequent Access per GB': perGb('Select-Returned-SIA-Bytes'),
    'Data Scanned by S3 Select in One Zone Infrequent Access per GB': perGb('Select-Scanned-ZIA-Bytes'),
    'Data Returned by S3 Select in One Zone Infrequent Access per GB': perGb('Select-Returned-ZIA-Bytes'),
    'Data Scanned by S3 Select in Intelligent Tiering per GB': perGb('Select-Scanned-INT-Bytes'),
    'Data Returned by S3 Select in Intelligent Tiering per GB': perGb('Select-Returned-INT-Bytes'),
    'Data Scanned by S3 Select in Glacier Instant Retrieval per GB': perGb('Select-Scanned-GIR-Bytes'),
    'Data Returned by S3 Select in Glacier Instant Retrieval per GB': perGb('Select-Returned-GIR-Bytes'),
  }),
);
