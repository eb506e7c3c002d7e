import type { OptionValues } from '../args.js';
import { UserError, UsageError } from '../../core/errors.js';
import { hasChanges } from '../../estimate/diff.js';
import { readDiffJson } from '../../input/baseline.js';
import { commentMarker, renderMarkdown, validTag } from '../../report/markdown.js';
import { findConfig } from '../../config/load.js';
import { finopsCommentParts } from '../../vcs/github/approvals.js';
import { createClient, defaultPolicy } from '../../vcs/github/client.js';
import { describeFailure, describeTarget, plannedAction, postComment, type Behavior } from '../../vcs/github/comment.js';
import { resolveTarget, resolveToken, type GithubTarget } from '../../vcs/github/context.js';

interface CommentArgs {
  path: string;
  repo?: string;
  'pull-request'?: number;
  behavior: Behavior;
  tag?: string;
  'dry-run'?: boolean;
  'skip-no-diff'?: boolean;
  'github-token'?: string;
  config?: string;
  debug?: boolean;
}


/** The token must never be printed, whatever went wrong. */
function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}

async function run(a: CommentArgs, say: (line: string) => void): Promise<void> {
  const diff = await readDiffJson(a.path);
  const marker = commentMarker(a.tag);
  if (a['skip-no-diff'] && !hasChanges(diff)) {
    say('costdiff: no cost change and no resource changes; no comment posted (--skip-no-diff)');
    return;
  }
  // FinOps verdict and sections from costdiff.yml (--config, else ./costdiff.yml when present).
  const config = await findConfig(a.config);
  let body = renderMarkdown(diff, { tag: a.tag, ...(await finopsCommentParts(diff, config)) });
  if (a['dry-run']) {
    let where = 'the pull request (repository or number not given)';
    try {
      where = describeTarget(await resolveTarget({ repo: a.repo, pullRequest: a['pull-request'] }, process.env));
    } catch {
      // A dry run shows the body even where the target is not known yet.
    }
    process.stdout.write(body);
    say(`costdiff: dry run: would ${plannedAction(a.behavior)} on ${where}; no request was made`);
    return;
  }
  const token = resolveToken(a['github-token'], process.env);
  const target: GithubTarget = await resolveTarget({ repo: a.repo, pullRequest: a['pull-request'] }, process.env);
  const client = await createClient({
    token,
    baseUrl: target.baseUrl,
    policy: defaultPolicy(process.env),
    userAgent: 'costdiff',
    debug: a.debug ? (line) => say(`costdiff: debug: ${redact(line, token)}`) : undefined,
  });
  let result;
  try {
    if (config) body = renderMarkdown(diff, { tag: a.tag, ...(await finopsCommentParts(diff, config, { client, target })) });
    result = await postComment(client, target, body, marker, a.behavior);
  } catch (err) {
    throw describeFailure(err, target);
  }
  const where = describeTarget(target);
  if (result.deleted) say(`Deleted ${result.deleted} previous costdiff comment${result.deleted === 1 ? '' : 's'} on ${where}`);
  if (result.hidden) say(`Hid the previous costdiff comment on ${where} as outdated`);
  const verb = { created: 'Created the cost comment', updated: 'Updated the cost comment', unchanged: 'The cost comment is up to date' }[result.outcome];
  say(`${verb} on ${where}: ${result.url}`);
}

export async function runCommentGithub(values: OptionValues): Promise<void> {
  const a = values as unknown as CommentArgs;
  if (a.tag !== undefined && !validTag(a.tag)) throw new UsageError('--tag may only contain letters, digits, ".", "_", "-" and "/" (at most 64)');
  const secret = a['github-token'] || process.env.GITHUB_TOKEN;
  try {
    await run(a, (line) => process.stderr.write(`${redact(line, secret)}\n`));
  } catch (err) {
    if (err instanceof UserError) {
      const e = new UserError(redact(err.message, secret), err.exitCode);
      e.stack = `${e.name}: ${e.message}`;
      throw e;
    }
    const e = new Error(redact(err instanceof Error ? err.message : String(err), secret));
    e.stack = `Error: ${e.message}`;
    throw e;
  }
}
