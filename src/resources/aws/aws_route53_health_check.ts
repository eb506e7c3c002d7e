import { Decimal } from '../../core/decimal.js';
import { perMonth } from '../quantity.js';
import type { CostComponentSpec, ResourceType } from '../types.js';
import { InvalidValueError } from '../view.js';
import { route53Product } from './shared/prices-data.js';

const ENDPOINT_TYPES: Record<string, { suffix: string; label: string }> = {
  aws: { suffix: 'AWS', label: 'AWS endpoint' },
  non_aws: { suffix: 'Non-AWS', label: 'non-AWS endpoint' },
};

/** Types whose endpoint is not an address (the check watches other checks, an alarm or a control). */
const ENDPOINTLESS = new Set(['CALCULATED', 'CLOUDWATCH_METRIC', 'RECOVERY_CONTROL']);

/**
 * A Route 53 health check: a monthly price that depends on whether the endpoint runs in AWS, plus
 * one optional-feature price each for HTTPS, string matching, the 10-second interval and latency
 * measurement. Whether an address is in AWS cannot be read from the configuration: the usage
 * file's endpoint_type says (Infracost's key, default aws).
 */
export const awsRoute53HealthCheck: ResourceType = {
  type: 'aws_route53_health_check',
  usageKeys: [{ key: 'endpoint_type', description: 'aws or non_aws: where the checked endpoint runs (default aws)' }],
  costs(r) {
    const type = r.str('type');
    if (!type) throw new InvalidValueError('type is required');
    const given = r.usageStr('endpoint_type')?.toLowerCase().replace('-', '_');
    const endpoint = ENDPOINT_TYPES[given ?? 'aws'];
    if (!endpoint) throw new InvalidValueError(`usage endpoint_type "${given}" is not aws or non_aws`);
    const assumptions = given === undefined && !ENDPOINTLESS.has(type) ? ['endpoint taken to run in AWS (set endpoint_type: non_aws otherwise)'] : [];

    let options = 0;
    if (type.startsWith('HTTPS')) options++;
    if (type.endsWith('STR_MATCH')) options++;
    if (r.optNum('request_interval')?.eq(Decimal.fromInt(10))) options++;
    if (r.optBool('measure_latency', false)) options++;

    const components: CostComponentSpec[] = [
      {
        name: `Health check (${endpoint.label})`,
        unit: 'months',
        price: route53Product('DNS Health Check', `Health-Check-${endpoint.suffix}`),
        quantity: perMonth(1),
      },
    ];
    if (options > 0) {
      components.push({
        name: `Optional features (${options})`,
        unit: 'months',
        price: route53Product('DNS Health Check', `Health-Check-Option-${endpoint.suffix}`),
        quantity: perMonth(options),
      });
    }
    return { components, assumptions };
  },
};
