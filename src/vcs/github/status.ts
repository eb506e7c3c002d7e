import type { CheckResult, CheckState } from '../../estimate/policy.js';
import { checkSummary } from '../../report/finops-markdown.js';
import type { GithubClient } from './client.js';
import type { GithubTarget } from './context.js';

/**
 * The `costdiff` commit status on the pull request's head commit. Branch protection can require
 * it: pending until the cost is approved, failure when rejected or over a limit no one can
 * approve, success otherwise.
 */

export const STATUS_CONTEXT = 'costdiff';
/** GitHub cuts status descriptions at 140 characters. */
export const DESCRIPTION_LIMIT = 140;

export type StatusState = 'success' | 'pending' | 'failure';

const STATE: Record<CheckState, StatusState> = {
  pass: 'success',
  approved: 'success',
  pending: 'pending',
  rejected: 'failure',
  failed: 'failure',
};

export interface CommitStatus {
  state: StatusState;
  description: string;
}

export function truncate(text: string, limit = DESCRIPTION_LIMIT): string {
  const chars = [...text];
  return chars.length <= limit ? text : chars.slice(0, limit - 1).join('') + '…';
}

export function statusFor(result: CheckResult): CommitStatus {
  return { state: STATE[result.state], description: truncate(checkSummary(result)) };
}

/** A link to the workflow run, when running inside GitHub Actions. */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${run}` : undefined;
}

export async function setCommitStatus(client: GithubClient, t: GithubTarget, sha: string, status: CommitStatus, targetUrl?: string): Promise<void> {
  await client.octokit.rest.repos.createCommitStatus({
    owner: t.owner,
    repo: t.repo,
    sha,
    state: status.state,
    context: STATUS_CONTEXT,
    description: status.description,
    ...(targetUrl ? { target_url: targetUrl } : {}),
  });
}
