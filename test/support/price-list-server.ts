import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from './repo.js';

/**
 * A local AWS Price List Query API: AWS JSON 1.1 over HTTP, `AWSPriceListService.GetProducts`,
 * TERM_MATCH filters on serviceCode, productFamily and product attributes, NextToken paging, and
 * scripted faults. The real SDK is pointed at it with AWS_ENDPOINT_URL_PRICING.
 */

export type Fault =
  /** HTTP 400 with __type ThrottlingException: the SDK recognises throttling by the error name. */
  | 'throttle'
  /** HTTP 429, the status the service model gives ThrottlingException. */
  | 'throttle-429'
  /** HTTP 500 InternalErrorException. */
  | 'internal'
  /** HTTP 503 with no JSON body, as a load balancer would answer. */
  | 'unavailable'
  | 'access-denied'
  | 'invalid-parameter'
  /** IncompleteSignatureException whose message echoes the Authorization header, as AWS's does. */
  | 'echo-auth'
  /** The connection is closed before any response. */
  | 'drop';

export interface RecordedRequest {
  target: string | undefined;
  contentType: string | undefined;
  authorization: string | undefined;
  body: GetProductsBody;
  /** Products on the page answered (0 for faults). */
  returned: number;
  fault?: Fault;
}

interface GetProductsBody {
  ServiceCode?: string;
  Filters?: { Type?: string; Field?: string; Value?: string }[];
  FormatVersion?: string;
  NextToken?: string;
  MaxResults?: number;
}

export interface PriceListServerOptions {
  /** PriceList items (parsed documents); default: every item of fixtures/price-list/get-products-items.json. */
  items?: PriceListItem[];
  /** Products per page (the real API's maximum is 100; small pages exercise NextToken). */
  pageSize?: number;
}

export interface PriceListItem {
  product: { productFamily?: string; attributes: Record<string, string>; sku: string };
  serviceCode: string;
  terms: Record<string, unknown>;
  [key: string]: unknown;
}

export interface PriceListServer {
  url: string;
  requests: RecordedRequest[];
  /** Faults answered to the next requests, one each, in order. */
  faults: Fault[];
  /** When set, every request after the scripted ones fails this way. */
  always?: Fault;
  items: PriceListItem[];
  close(): Promise<void>;
}

interface FixtureFile {
  items: { item: PriceListItem }[];
}

export function fixtureItems(): PriceListItem[] {
  const file = JSON.parse(readFileSync(fixture('price-list', 'get-products-items.json'), 'utf8')) as FixtureFile;
  return file.items.map((e) => e.item);
}

const TARGET = 'AWSPriceListService.GetProducts';

export async function startPriceListServer(options: PriceListServerOptions = {}): Promise<PriceListServer> {
  const pageSize = options.pageSize ?? 2;
  const state: PriceListServer = {
    url: '',
    requests: [],
    faults: [],
    items: options.items ?? fixtureItems(),
    close: async () => {},
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });

  function handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    let body: GetProductsBody = {};
    try {
      body = text ? (JSON.parse(text) as GetProductsBody) : {};
    } catch {
      return error(res, 400, 'SerializationException', 'body is not JSON');
    }
    const record: RecordedRequest = {
      target: header(req, 'x-amz-target'),
      contentType: header(req, 'content-type'),
      authorization: header(req, 'authorization'),
      body,
      returned: 0,
    };
    state.requests.push(record);
    const fault = state.faults.shift() ?? state.always;
    if (fault) {
      record.fault = fault;
      return injectFault(req, res, fault);
    }
    if (req.method !== 'POST' || req.url !== '/') return error(res, 404, 'UnknownOperationException', `${req.method} ${req.url}`);
    if (record.target !== TARGET) return error(res, 400, 'UnknownOperationException', `unknown target ${record.target}`);
    if (record.contentType !== 'application/x-amz-json-1.1') return error(res, 400, 'SerializationException', 'expected application/x-amz-json-1.1');
    if (!record.authorization?.startsWith('AWS4-HMAC-SHA256 ')) return error(res, 400, 'MissingAuthenticationTokenException', 'request is not signed');
    if (!body.ServiceCode) return error(res, 400, 'InvalidParameterException', 'ServiceCode is required');
    if (body.FormatVersion !== undefined && body.FormatVersion !== 'aws_v1') return error(res, 400, 'InvalidParameterException', 'FormatVersion must be aws_v1');
    for (const f of body.Filters ?? []) {
      if (f.Type !== 'TERM_MATCH' || !f.Field || f.Value === undefined) return error(res, 400, 'InvalidParameterException', `unsupported filter ${JSON.stringify(f)}`);
    }
    const matching = state.items.filter((item) => item.serviceCode === body.ServiceCode && (body.Filters ?? []).every((f) => matches(item, f.Field!, f.Value!)));
    const query = JSON.stringify([body.ServiceCode, body.Filters ?? []]);
    let offset = 0;
    if (body.NextToken) {
      const decoded = decodeToken(body.NextToken);
      if (!decoded || decoded.query !== query) return error(res, 400, 'InvalidNextTokenException', 'The token is invalid');
      offset = decoded.offset;
    }
    const size = Math.min(pageSize, body.MaxResults ?? 100);
    const page = matching.slice(offset, offset + size);
    record.returned = page.length;
    const next = offset + size < matching.length ? encodeToken({ query, offset: offset + size }) : undefined;
    send(res, 200, { FormatVersion: 'aws_v1', PriceList: page.map((item) => JSON.stringify(item)), ...(next ? { NextToken: next } : {}) });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** TERM_MATCH compares case-insensitively, as the Price List API does. */
function matches(item: PriceListItem, field: string, value: string): boolean {
  const actual =
    field.toLowerCase() === 'servicecode' ? item.serviceCode : field === 'productFamily' ? item.product.productFamily : item.product.attributes[field];
  return actual !== undefined && actual.toLowerCase() === value.toLowerCase();
}

function injectFault(req: IncomingMessage, res: ServerResponse, fault: Fault): void {
  switch (fault) {
    case 'throttle':
      return error(res, 400, 'ThrottlingException', 'Rate exceeded');
    case 'throttle-429':
      return error(res, 429, 'ThrottlingException', 'Rate exceeded');
    case 'internal':
      return error(res, 500, 'InternalErrorException', 'An internal error occurred');
    case 'unavailable':
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html><body>Service Unavailable</body></html>');
      return;
    case 'access-denied':
      return error(res, 401, 'AccessDeniedException', 'User: arn:aws:iam::123456789012:user/test is not authorized to perform: pricing:GetProducts');
    case 'invalid-parameter':
      return error(res, 400, 'InvalidParameterException', 'Input validation error: invalid value for regionCode');
    case 'echo-auth':
      return error(res, 400, 'IncompleteSignatureException', `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${header(req, 'authorization')}`);
    case 'drop':
      req.socket.destroy();
      return;
  }
}

function error(res: ServerResponse, status: number, type: string, message: string): void {
  // The SDK reads the error name from the body's __type (AWS JSON 1.1).
  send(res, status, { __type: type, message });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': `00000000-0000-4000-8000-${String(Date.now() % 1e12).padStart(12, '0')}`,
    ...headers,
  });
  res.end(text);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function encodeToken(t: { query: string; offset: number }): string {
  return Buffer.from(JSON.stringify(t)).toString('base64');
}

function decodeToken(token: string): { query: string; offset: number } | undefined {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { query?: unknown; offset?: unknown };
    return typeof t.query === 'string' && typeof t.offset === 'number' ? { query: t.query, offset: t.offset } : undefined;
  } catch {
    return undefined;
  }
}
