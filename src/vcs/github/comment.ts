import { UserError } from '../../core/errors.js';
import { attempts, backoff, httpFailure, isRateLimit, isServerError, type GithubClient } from './client.js';
import type { GithubTarget } from './context.js';

/**
 * Posting the cost comment on a pull request. Our comments are found by their hidden marker;
 * every behaviour leaves at most one visible costdiff comment per marker, and a failed or
 * retried request never leaves a second copy.
 */

import type { Behavior } from './behaviors.js';

export { BEHAVIORS, type Behavior } from './behaviors.js';

export interface IssueComment {
  id: number;
  node_id: string;
  body?: string;
  html_url: string;
}

export interface PostResult {
  outcome: 'created' | 'updated' | 'unchanged';
  url: string;
  deleted: number;
  hidden: number;
}

export function describeTarget(t: GithubTarget): string {
  return `${t.owner}/${t.repo}#${t.pullRequest}`;
}

/** What a behaviour will do, for --dry-run. */
export function plannedAction(behavior: Behavior): string {
  switch (behavior) {
    case 'update':
      return 'edit the previous costdiff comment if there is one (nothing if its text is the same), else create one';
    case 'new':
      return 'create a new comment';
    case 'delete-and-new':
      return 'delete the previous costdiff comments, then create a new one (nothing if the latest has the same text)';
    case 'hide-and-new':
      return 'hide the previous costdiff comment as outdated, then create a new one (nothing if it has the same text)';
  }
}

async function listComments(client: GithubClient, t: GithubTarget): Promise<IssueComment[]> {
  return (await client.octokit.paginate(client.octokit.rest.issues.listComments, {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.pullRequest,
    per_page: 100,
  })) as IssueComment[];
}

/** Creates the comment once: after a server error, a comment that did get made is found, not repeated. */
async function createOnce(client: GithubClient, t: GithubTarget, body: string, known: Set<number>): Promise<IssueComment> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { data } = await client.octokit.rest.issues.createComment({ owner: t.owner, repo: t.repo, issue_number: t.pullRequest, body });
      return data as IssueComment;
    } catch (err) {
      const f = httpFailure(err);
      if (!f || !isServerError(f) || isRateLimit(f) || attempt >= client.policy.retries) throw err;
      await client.policy.sleep(backoff(client.policy, attempt));
      const made = (await listComments(client, t)).find((c) => !known.has(c.id) && c.body === body);
      if (made) return made;
    }
  }
}

async function hide(client: GithubClient, comment: IssueComment): Promise<void> {
  await client.octokit.graphql(
    `mutation($id: ID!) {
      minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized minimizedReason } }
    }`,
    { id: comment.node_id },
  );
}

export async function postComment(client: GithubClient, t: GithubTarget, body: string, marker: string, behavior: Behavior): Promise<PostResult> {
  const { octokit } = client;
  const where = { owner: t.owner, repo: t.repo };
  // Fails with 404 when the number is not a pull request or the token cannot see it.
  await octokit.rest.pulls.get({ ...where, pull_number: t.pullRequest });
  const all = await listComments(client, t);
  const known = new Set(all.map((c) => c.id));
  const ours = all.filter((c) => (c.body ?? '').includes(marker));
  const latest = ours[ours.length - 1];
  const result: PostResult = { outcome: 'created', url: '', deleted: 0, hidden: 0 };

  if (behavior !== 'new' && latest && latest.body === body && (behavior !== 'delete-and-new' || ours.length === 1)) {
    return { ...result, outcome: 'unchanged', url: latest.html_url };
  }
  if (behavior === 'update' && latest) {
    const { data } = await octokit.rest.issues.updateComment({ ...where, comment_id: latest.id, body });
    return { ...result, outcome: 'updated', url: (data as IssueComment).html_url };
  }
  if (behavior === 'delete-and-new') {
    for (const c of ours) {
      try {
        await octokit.rest.issues.deleteComment({ ...where, comment_id: c.id });
      } catch (err) {
        // Gone already (a retried delete that had succeeded, or someone else deleted it).
        if (httpFailure(err)?.status !== 404) throw err;
      }
      result.deleted++;
    }
  }
  if (behavior === 'hide-and-new' && latest) {
    await hide(client, latest);
    result.hidden = 1;
  }
  const made = await createOnce(client, t, body, known);
  if (behavior === 'update') return settleRace(client, t, body, marker, made, result);
  return { ...result, url: made.html_url };
}

/**
 * Two `update` runs on one pull request (a re-run and a new push) can both find no comment and
 * both create one. After creating, look again: the oldest costdiff comment wins, a younger one
 * made by this run is deleted and its text moved to the oldest, so the runs end with one comment.
 */
async function settleRace(client: GithubClient, t: GithubTarget, body: string, marker: string, made: IssueComment, result: PostResult): Promise<PostResult> {
  const ours = (await listComments(client, t)).filter((c) => (c.body ?? '').includes(marker));
  const oldest = ours.reduce<IssueComment | undefined>((a, c) => (!a || c.id < a.id ? c : a), undefined);
  if (!oldest || oldest.id === made.id) return { ...result, url: made.html_url };
  const where = { owner: t.owner, repo: t.repo };
  try {
    await client.octokit.rest.issues.deleteComment({ ...where, comment_id: made.id });
  } catch (err) {
    if (httpFailure(err)?.status !== 404) throw err;
  }
  if (oldest.body === body) return { ...result, outcome: 'unchanged', url: oldest.html_url };
  const { data } = await client.octokit.rest.issues.updateComment({ ...where, comment_id: oldest.id, body });
  return { ...result, outcome: 'updated', url: (data as IssueComment).html_url };
}

/** One line for a failed GitHub call, for a person to act on. */
export function describeFailure(err: unknown, t: GithubTarget): UserError {
  const f = httpFailure(err);
  const target = describeTarget(t);
  if (!f) {
    const graphqlErrors = (err as { errors?: { message?: string }[] })?.errors;
    if (Array.isArray(graphqlErrors) && graphqlErrors.length) {
      return new UserError(`GitHub GraphQL error while hiding the previous comment on ${target}: ${graphqlErrors[0]?.message ?? 'unknown error'}`);
    }
    return new UserError(`GitHub request for ${target} failed: ${(err as Error)?.message?.split('\n')[0] ?? String(err)}`);
  }
  const tries = attempts(err);
  const after = tries > 1 ? ` after ${tries} attempts` : '';
  if (f.noResponse) return new UserError(`cannot reach the GitHub API at ${t.baseUrl}${after}: ${f.message}`);
  if (f.status === 401) return new UserError(`GitHub rejected the token (401 ${f.message}): check GITHUB_TOKEN or --github-token`);
  if (isRateLimit(f)) {
    const reset = Number(f.headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset) && reset > 0 ? `; it resets at ${new Date(reset * 1000).toISOString()}` : '';
    return new UserError(`GitHub API rate limit exceeded (${f.status})${after}${when}; try again later`);
  }
  if (f.status === 403) {
    return new UserError(
      `the token may not comment on ${target} (403 ${f.message}); in GitHub Actions give the job \`permissions: pull-requests: write\``,
    );
  }
  if (f.status === 404) return new UserError(`pull request ${target} not found, or the token cannot see it (404)`);
  if (f.status >= 500) return new UserError(`GitHub API server error ${f.status}${after} on ${target}: ${f.message || 'no message'}; try again later`);
  return new UserError(`GitHub API error ${f.status} on ${target}: ${f.message}`);
}
