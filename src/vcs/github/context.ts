import { readFile } from 'node:fs/promises';
import { UserError, UsageError } from '../../core/errors.js';

/**
 * Where a comment goes: flags first, then what GitHub Actions sets (GITHUB_REPOSITORY,
 * GITHUB_EVENT_PATH, GITHUB_TOKEN, GITHUB_API_URL).
 */

export interface GithubTarget {
  owner: string;
  repo: string;
  pullRequest: number;
  /** REST base URL; GitHub Enterprise Server: https://HOST/api/v3. */
  baseUrl: string;
}

export interface TargetFlags {
  repo?: string;
  pullRequest?: number;
}

export const DEFAULT_API_URL = 'https://api.github.com';

export function apiUrl(env: NodeJS.ProcessEnv): string {
  return (env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, '');
}

export function parseRepo(text: string, from: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text.trim());
  if (!m) throw new UsageError(`${from} must be owner/name, got "${text}"`);
  return { owner: m[1], repo: m[2] };
}

/** The pull request number of the event that started the workflow. */
export async function eventPullRequest(path: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UserError(`GITHUB_EVENT_PATH ${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let event: { pull_request?: { number?: unknown }; issue?: { number?: unknown } };
  try {
    event = JSON.parse(text);
  } catch {
    throw new UserError(`GITHUB_EVENT_PATH ${path}: not valid JSON`);
  }
  const n = event?.pull_request?.number ?? event?.issue?.number;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

export async function resolveTarget(flags: TargetFlags, env: NodeJS.ProcessEnv): Promise<GithubTarget> {
  const repoText = flags.repo ?? env.GITHUB_REPOSITORY;
  if (!repoText) throw new UserError('no repository: pass --repo owner/name or set GITHUB_REPOSITORY');
  const { owner, repo } = parseRepo(repoText, flags.repo ? '--repo' : 'GITHUB_REPOSITORY');
  let pullRequest = flags.pullRequest;
  if (pullRequest === undefined && env.GITHUB_EVENT_PATH) pullRequest = await eventPullRequest(env.GITHUB_EVENT_PATH);
  if (pullRequest === undefined) {
    throw new UserError(
      env.GITHUB_EVENT_PATH
        ? 'no pull request number: the GitHub event is not about a pull request; pass --pull-request N'
        : 'no pull request number: pass --pull-request N (inside GitHub Actions it is read from GITHUB_EVENT_PATH)',
    );
  }
  if (!Number.isInteger(pullRequest) || pullRequest <= 0) throw new UsageError(`--pull-request must be a positive whole number, got ${pullRequest}`);
  return { owner, repo, pullRequest, baseUrl: apiUrl(env) };
}

export function resolveToken(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const token = flag || env.GITHUB_TOKEN;
  if (!token) throw new UserError('no GitHub token: set GITHUB_TOKEN or pass --github-token');
  return token;
}
