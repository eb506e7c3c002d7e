import type { Octokit } from '@octokit/rest';

/**
 * The Octokit client, loaded only when a comment is posted, with bounded retries done in a
 * request hook (@octokit/plugin-retry and plugin-throttling are not dependencies): rate limits
 * wait for `retry-after` or `x-ratelimit-reset`, server errors back off exponentially. A POST
 * that creates a comment is never retried here, because a 5xx may come after the comment was
 * made; the comment logic checks for it before trying again.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff for server errors; doubled on every retry. */
  baseDelayMs: number;
  /** A rate limit that resets later than this fails at once instead of waiting. */
  maxWaitMs: number;
  /** One request may take this long before it counts as failed (a stalled connection). */
  timeoutMs?: number;
  sleep: (ms: number) => Promise<void>;
}

export interface GithubClient {
  octokit: Octokit;
  policy: RetryPolicy;
}

export interface HttpFailure {
  status: number;
  message: string;
  headers: Record<string, string | number | undefined>;
  /** True when no response came back (connection refused, DNS, TLS). */
  noResponse: boolean;
}

const attemptsOf = new WeakMap<object, number>();

export function attempts(err: unknown): number {
  return (err && typeof err === 'object' ? attemptsOf.get(err) : undefined) ?? 1;
}

/** The parts of an Octokit RequestError this module relies on, or undefined for other errors. */
export function httpFailure(err: unknown): HttpFailure | undefined {
  if (!err || typeof err !== 'object' || typeof (err as { status?: unknown }).status !== 'number') return undefined;
  const e = err as { status: number; message?: string; response?: { headers?: Record<string, string | number | undefined>; data?: unknown } };
  const data = e.response?.data as { message?: unknown } | undefined;
  const message = typeof data?.message === 'string' ? data.message : (e.message ?? '').split(' - ')[0];
  return { status: e.status, message, headers: e.response?.headers ?? {}, noResponse: !e.response };
}

export function isRateLimit(f: HttpFailure): boolean {
  if (f.status === 429) return true;
  if (f.status !== 403) return false;
  return f.headers['retry-after'] !== undefined || String(f.headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(f.message);
}

export function isServerError(f: HttpFailure): boolean {
  return f.status >= 500 || f.noResponse;
}

/** How long to wait before retrying a rate-limited request; undefined when waiting is too long. */
export function rateLimitWait(f: HttpFailure, policy: RetryPolicy, now = Date.now()): number | undefined {
  const retryAfter = Number(f.headers['retry-after']);
  let wait: number;
  if (f.headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) wait = retryAfter * 1000;
  else if (f.headers['x-ratelimit-reset'] !== undefined && Number.isFinite(Number(f.headers['x-ratelimit-reset']))) {
    wait = Math.max(0, Number(f.headers['x-ratelimit-reset']) * 1000 - now) + 1000;
  } else wait = 60_000; // GitHub: wait at least a minute after a secondary rate limit
  return wait <= policy.maxWaitMs ? wait : undefined;
}

export function backoff(policy: RetryPolicy, attempt: number): number {
  return policy.baseDelayMs * 2 ** attempt;
}

function isCreate(method: string, url: string): boolean {
  return method === 'POST' && !/\/graphql$/.test(url);
}

export function defaultPolicy(env: NodeJS.ProcessEnv): RetryPolicy {
  const num = (v: string | undefined, fallback: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : fallback);
  return {
    retries: 3,
    // Tunable for tests and for CI systems with their own patience.
    baseDelayMs: num(env.COSTDIFF_GITHUB_RETRY_BASE_MS, 1000),
    maxWaitMs: num(env.COSTDIFF_GITHUB_MAX_WAIT_S, 60) * 1000,
    timeoutMs: num(env.COSTDIFF_GITHUB_TIMEOUT_S, 30) * 1000,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
}

export async function createClient(options: {
  token: string;
  baseUrl: string;
  policy: RetryPolicy;
  userAgent: string;
  debug?: (line: string) => void;
}): Promise<GithubClient> {
  const { Octokit } = await import('@octokit/rest');
  const quiet = () => undefined;
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent,
    // Octokit's own logging could print request details; costdiff reports errors itself.
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    // A deadline per HTTP attempt: a stalled connection fails and is retried like a 5xx.
    ...(options.policy.timeoutMs ? { request: { fetch: withTimeout(options.policy.timeoutMs) } } : {}),
  });
  const { policy, debug } = options;
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const method = String(requestOptions.method ?? 'GET').toUpperCase();
    const url = String(requestOptions.url ?? '');
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await request(requestOptions);
        debug?.(`${method} ${url} → ${response.status}`);
        return response;
      } catch (err) {
        const f = httpFailure(err);
        debug?.(`${method} ${url} → ${f ? (f.noResponse ? 'no response' : f.status) : 'error'}`);
        if (!f || attempt >= policy.retries) {
          if (err && typeof err === 'object') attemptsOf.set(err, attempt + 1);
          throw err;
        }
        let wait: number | undefined;
        if (isRateLimit(f)) wait = rateLimitWait(f, policy);
        else if (isServerError(f) && !isCreate(method, url)) wait = backoff(policy, attempt);
        if (wait === undefined) {
          if (err && typeof err === 'object') attemptsOf.set(err, attempt + 1);
          throw err;
        }
        debug?.(`retrying in ${Math.round(wait)} ms`);
        await policy.sleep(wait);
      }
    }
  });
  return { octokit, policy };
}

function withTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(ms);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline });
  };
}
