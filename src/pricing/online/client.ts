import { UserError, errorMessage } from '../../core/errors.js';
import type { PricingClient } from '@aws-sdk/client-pricing';

/** Regions the Price List Query API is served from. */
export const PRICE_LIST_API_REGIONS = ['us-east-1', 'ap-south-1', 'eu-central-1'];

/** Attempts per call, including the first: the SDK's standard retry backs off between them. */
export const MAX_ATTEMPTS = 4;

/** Products per GetProducts page; 100 is the API's maximum. */
const PAGE_SIZE = 100;

export interface Filter {
  field: string;
  value: string;
}

export interface PriceListClient {
  /** The endpoint the SDK sends to: AWS_ENDPOINT_URL_PRICING (or the config file) or the default. */
  readonly endpoint: string;
  /** True when the endpoint was overridden, so provenance names it. */
  readonly overridden: boolean;
  /** Every product matching the filters, page by page (NextToken). */
  getProducts(serviceCode: string, filters: Filter[], context: CallContext, onPage?: (count: number) => void): Promise<string[]>;
  destroy(): void;
}

/** What a call was for, so an error can say so. */
export interface CallContext {
  region: string;
}

/**
 * Loads the AWS SDK (only here, only in online mode) and builds a client with the SDK's own
 * defaults: credential chain (env, AWS_PROFILE, SSO, container and instance roles) and endpoint
 * resolution (AWS_ENDPOINT_URL_PRICING, AWS_ENDPOINT_URL, endpoint_url in the config file).
 */
export async function createPriceListClient(env: NodeJS.ProcessEnv = process.env): Promise<PriceListClient> {
  // The SDK warns on every run under Node 20, which costdiff supports; the warning is not ours to show.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const sdk = await import('@aws-sdk/client-pricing');
  const region = env.AWS_REGION && PRICE_LIST_API_REGIONS.includes(env.AWS_REGION) ? env.AWS_REGION : 'us-east-1';
  const client = new sdk.PricingClient({
    region,
    maxAttempts: MAX_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
  });
  const configured = await configuredEndpoint(client);
  const endpoint = configured ?? `https://api.pricing.${region}.amazonaws.com`;
  return {
    endpoint,
    overridden: configured !== undefined,
    async getProducts(serviceCode, filters, context, onPage) {
      const out: string[] = [];
      let token: string | undefined;
      do {
        let page;
        try {
          page = await client.send(
            new sdk.GetProductsCommand({
              ServiceCode: serviceCode,
              Filters: filters.map((f) => ({ Type: 'TERM_MATCH', Field: f.field, Value: f.value })),
              FormatVersion: 'aws_v1',
              MaxResults: PAGE_SIZE,
              ...(token ? { NextToken: token } : {}),
            }),
          );
        } catch (err) {
          throw priceListError(err, endpoint, context, env);
        }
        // The SDK hands each item over as a String object holding the JSON text (LazyJsonString).
        for (const item of page.PriceList ?? []) out.push(String(item));
        onPage?.(out.length);
        token = page.NextToken || undefined;
      } while (token);
      return out;
    },
    destroy: () => client.destroy(),
  };
}

async function configuredEndpoint(client: PricingClient): Promise<string | undefined> {
  const config = client.config as { serviceConfiguredEndpoint?: () => Promise<string | undefined> };
  try {
    return (await config.serviceConfiguredEndpoint?.()) || undefined;
  } catch (err) {
    throw new UserError(`cannot read the Price List endpoint from the AWS configuration: ${errorMessage(err)}`);
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  'ECONNABORTED', 'UND_ERR_SOCKET',
]);

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** One line a user can act on, for any failure of a Price List call. Never includes credentials. */
export function priceListError(err: unknown, endpoint: string, context: CallContext, env: NodeJS.ProcessEnv = process.env): UserError {
  if (err instanceof UserError) return err;
  const e = (err ?? {}) as SdkError;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const attempts = e.$metadata?.attempts;
  const after = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
  const detail = redact(firstLine(e.message ?? ''), env);
  const network = networkCode(e);
  if (name === 'CredentialsProviderError') {
    return new UserError(
      'no AWS credentials for the Price List API: set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with an instance or container role',
    );
  }
  if (name === 'AccessDeniedException') {
    return new UserError('access denied to pricing:GetProducts (the credentials need the pricing:GetProducts permission)');
  }
  if (['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException', 'ExpiredTokenException', 'ExpiredToken', 'SignatureDoesNotMatch'].includes(name)) {
    return new UserError(`the AWS Price List API rejected the credentials (${name}): check AWS_PROFILE or the access keys`);
  }
  if (name === 'InvalidParameterException' || name === 'NotFoundException') {
    return new UserError(`the AWS Price List API rejected the request for region ${context.region} (${name}${detail ? `: ${detail}` : ''})`);
  }
  if (name === 'ThrottlingException' || status === 429) {
    return new UserError(`the AWS Price List API is throttling requests (${name}${after}); try again later`);
  }
  if (network) return new UserError(`cannot reach the AWS Price List API at ${endpoint}: ${network}`);
  if (status !== undefined && status >= 500) {
    return new UserError(`the AWS Price List API at ${endpoint} failed with HTTP ${status}${after} (${name})`);
  }
  return new UserError(`the AWS Price List API call failed: ${name}${detail ? `: ${detail}` : ''}`);
}

function networkCode(e: SdkError, depth = 0): string | undefined {
  if (e.code && NETWORK_CODES.has(e.code)) return e.code;
  // Errors from another realm reach the SDK only as text ("connect ECONNREFUSED 127.0.0.1:443").
  const inText = /\b(E[A-Z_]{3,})\b/.exec(e.message ?? '')?.[1];
  if (inText && NETWORK_CODES.has(inText)) return inText;
  if (e.name === 'TimeoutError' || e.code === 'TimeoutError') return 'timed out';
  if (/socket hang up/i.test(e.message ?? '')) return 'connection closed (socket hang up)';
  if (e.cause && typeof e.cause === 'object' && depth < 5) return networkCode(e.cause as SdkError, depth + 1);
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/** Service messages can echo a signature's credential scope; never pass a key on. */
function redact(text: string, env: NodeJS.ProcessEnv): string {
  let out = text.replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '<access key>');
  for (const secret of [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN, env.AWS_ACCESS_KEY_ID]) {
    if (secret && secret.length >= 8) out = out.split(secret).join('<redacted>');
  }
  return out;
}
