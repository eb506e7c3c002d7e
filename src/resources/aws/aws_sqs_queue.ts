import { fromUsage } from '../quantity.js';
import type { ResourceType } from '../types.js';
import { sqsRequests } from './shared/prices-data.js';
import { chunkedRequests } from './shared/usage-math.js';

/** An SQS queue: requests from usage, each started 64 KB of payload billed as one request. */
export const awsSqsQueue: ResourceType = {
  type: 'aws_sqs_queue',
  usageKeys: [
    { key: 'monthly_requests', description: 'API requests per month (send, receive, delete, …)' },
    { key: 'request_size_kb', description: 'average payload per request, KB (each started 64 KB is billed as a request)' },
  ],
  costs(r) {
    const fifo = r.optBool('fifo_queue', false);
    const assumptions: string[] = [];
    const requests = chunkedRequests(r, 'monthly_requests', 'request_size_kb', 64, assumptions);
    return {
      components: [
        {
          name: fifo ? 'Requests (FIFO)' : 'Requests (standard)',
          unit: 'requests',
          price: sqsRequests(r.region, fifo ? 'FIFO (first-in, first-out)' : 'Standard'),
          quantity: fromUsage(requests),
          usageBased: true,
        },
      ],
      assumptions,
    };
  },
};
