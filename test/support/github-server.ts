import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from './repo.js';

/**
 * A local stand-in for the GitHub REST and GraphQL APIs: the endpoints costdiff calls, with the
 * response shapes of GitHub's documented examples (fixtures/github/), token checks, pagination
 * with Link headers, and injectable faults. Listens on 127.0.0.1 only. Routes also answer under
 * /api/v3 (and GraphQL under /api/graphql), as GitHub Enterprise Server does.
 */

type Json = Record<string, unknown>;

const COMMENT = JSON.parse(readFileSync(fixture('github', 'issue-comment.json'), 'utf8')) as Json;
const BOT = JSON.parse(readFileSync(fixture('github', 'bot-user.json'), 'utf8')) as Json;
const PULL = JSON.parse(readFileSync(fixture('github', 'pull-request.json'), 'utf8')) as Json;
export const ERRORS = JSON.parse(readFileSync(fixture('github', 'errors.json'), 'utf8')) as Record<string, Json>;

export interface RecordedRequest {
  method: string;
  /** Path without the GitHub Enterprise /api/v3 prefix. */
  path: string;
  rawPath: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

export interface Fault {
  method?: string;
  /** Matched against the path without the /api/v3 prefix and query. */
  path?: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Do the work first, then answer with the fault (a response lost after success). */
  afterEffect?: boolean;
  /** Close the connection without an answer (status is ignored). */
  drop?: boolean;
  /** Never answer: the client's timeout has to end the request (status is ignored). */
  stall?: boolean;
}

export interface StoredComment {
  id: number;
  node_id: string;
  body: string;
  user: Json;
  created_at: string;
  updated_at: string;
  issue: number;
  minimized: boolean;
}

export class GithubServer {
  readonly token: string;
  readonly owner: string;
  readonly repo: string;
  readonly repoId = 1296269;
  /** Pull request numbers that exist. */
  readonly pulls = new Set<number>();
  readonly requests: RecordedRequest[] = [];
  readonly comments: StoredComment[] = [];
  private faults: (Fault & { left: number })[] = [];
  private barrier: { method: string; path: RegExp; count: number; waiting: (() => void)[] } | undefined;
  private nextId = 1_000_001;
  private clock = Date.parse('2025-06-02T10:00:00Z');
  private server: Server | undefined;
  url = '';

  constructor(options: { token: string; owner?: string; repo?: string; pulls?: number[] }) {
    this.token = options.token;
    this.owner = options.owner ?? 'octo-org';
    this.repo = options.repo ?? 'infra';
    for (const n of options.pulls ?? [7]) this.pulls.add(n);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `test server bug: ${String(err)}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /**
   * Holds the first `count` matching requests until all of them have arrived, so concurrent
   * clients are made to interleave (two runs both listing comments before either creates one).
   */
  holdUntil(count: number, method: string, path: RegExp): void {
    this.barrier = { method, path, count, waiting: [] };
  }

  /** Comments on an issue as GitHub would list them. */
  commentsOn(issue: number): StoredComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  addComment(issue: number, body: string, user: Json = { ...(COMMENT.user as Json) }): StoredComment {
    const id = this.nextId++;
    const at = new Date((this.clock += 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const c: StoredComment = { id, node_id: `IC_kwDOABCD${id}`, body, user, created_at: at, updated_at: at, issue, minimized: false };
    this.comments.push(c);
    return c;
  }

  private commentJson(c: StoredComment): Json {
    const api = `${this.url}/repos/${this.owner}/${this.repo}`;
    return {
      ...COMMENT,
      id: c.id,
      node_id: c.node_id,
      url: `${api}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      body: c.body,
      user: c.user,
      created_at: c.created_at,
      updated_at: c.updated_at,
      issue_url: `${api}/issues/${c.issue}`,
      author_association: (c.user as { type?: string }).type === 'Bot' ? 'NONE' : 'MEMBER',
      reactions: { ...(COMMENT.reactions as Json), url: `${api}/issues/comments/${c.id}/reactions` },
    };
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `0401:1A2B:${this.requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const u = new URL(req.url ?? '/', this.url);
    const path = u.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api\/graphql$/, '/graphql');
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return this.send(res, 400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest' });
    }
    this.requests.push({ method, path, rawPath: u.pathname, query: u.searchParams, authorization: req.headers.authorization, body });

    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `bearer ${this.token}` && auth !== `Bearer ${this.token}`) {
      return this.send(res, 401, ERRORS['401']);
    }
    const b = this.barrier;
    if (b && b.count > 0 && method === b.method && b.path.test(path)) {
      b.count--;
      await new Promise<void>((release) => {
        b.waiting.push(release);
        if (b.count === 0) for (const r of b.waiting.splice(0)) r();
      });
    }
    const fault = this.faults.find((f) => f.left > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)));
    if (fault && (fault.drop || fault.stall)) {
      fault.left--;
      if (fault.drop) req.socket.destroy();
      return;
    }
    if (fault && !fault.afterEffect) {
      fault.left--;
      return this.send(res, fault.status, fault.body ?? ERRORS['5xx'], fault.headers);
    }
    const reply = (status: number, out: unknown, headers?: Record<string, string>) => {
      if (fault) {
        fault.left--;
        return this.send(res, fault.status, fault.body ?? ERRORS['5xx'], fault.headers);
      }
      return this.send(res, status, out, headers);
    };

    if (method === 'POST' && path === '/graphql') return reply(200, this.graphql(body as Json));

    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = new RegExp(`^${repoPrefix}/pulls/(\\d+)$`).exec(path))) {
      const n = Number(m[1]);
      if (!this.pulls.has(n)) return reply(404, ERRORS['404']);
      return reply(200, {
        ...PULL,
        head: { ...(PULL.head as Json), sha: this.headSha }, // approvals block: moves with push()
        number: n,
        url: `${this.url}${repoPrefix}/pulls/${n}`,
        html_url: `https://github.com/${this.owner}/${this.repo}/pull/${n}`,
        issue_url: `${this.url}${repoPrefix}/issues/${n}`,
        comments_url: `${this.url}${repoPrefix}/issues/${n}/comments`,
      });
    }
    const listPath = new RegExp(`^(?:${repoPrefix}|/repositories/${this.repoId})/issues/(\\d+)/comments$`);
    if ((m = listPath.exec(path))) {
      const n = Number(m[1]);
      if (!this.pulls.has(n)) return reply(404, { ...ERRORS['404'], documentation_url: 'https://docs.github.com/rest/issues/comments#list-issue-comments' });
      if (method === 'GET') return reply(200, ...this.page(n, u));
      if (method === 'POST') {
        const text = (body as Json | undefined)?.body;
        if (typeof text !== 'string') {
          return reply(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '422' });
        }
        if (text.length > 65536) return reply(422, ERRORS['422-body-too-long']);
        const c = this.addComment(n, text, { ...BOT });
        return reply(201, this.commentJson(c), { location: `${this.url}${repoPrefix}/issues/comments/${c.id}` });
      }
    }
    if ((m = new RegExp(`^${repoPrefix}/issues/comments/(\\d+)$`).exec(path))) {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return reply(404, { ...ERRORS['404'], documentation_url: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment' });
      if (method === 'PATCH') {
        const text = (body as Json | undefined)?.body;
        if (typeof text !== 'string') return reply(422, { message: 'Invalid request.', status: '422' });
        c.body = text;
        c.updated_at = new Date((this.clock += 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
        return reply(200, this.commentJson(c));
      }
      if (method === 'DELETE') {
        this.comments.splice(this.comments.indexOf(c), 1);
        return reply(204, undefined);
      }
    }
    const extra = this.approvalRoute(method, path, u, body);
    if (extra) return reply(extra.status, extra.body, extra.headers);
    return this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  }

  private page(issue: number, u: URL): [Json[], Record<string, string>] {
    const perPage = Math.min(100, Math.max(1, Number(u.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(u.searchParams.get('page') ?? 1) || 1);
    const all = this.commentsOn(issue);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const items = all.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c));
    // GitHub links pages by repository id.
    const link = (p: number, rel: string) => `<${this.url}/repositories/${this.repoId}/issues/${issue}/comments?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return [items, links.length ? { link: links.join(', ') } : {}];
  }

  private graphql(body: Json): Json {
    const query = String(body?.query ?? '');
    const id = (body?.variables as Json | undefined)?.id;
    if (!/minimizeComment/.test(query) || !/OUTDATED/.test(query)) {
      return { errors: [{ message: `test server: unsupported query ${query.slice(0, 60)}` }] };
    }
    const c = this.comments.find((x) => x.node_id === id);
    if (!c) {
      const e = ERRORS['graphql-not-found'] as { errors: Json[] };
      return { ...e, errors: [{ ...e.errors[0], message: `Could not resolve to a node with the global id of '${String(id)}'.` }] };
    }
    c.minimized = true;
    return ERRORS['graphql-minimized'];
  }

  // ─── Additional routes for cost approvals (costdiff check) ──────────────────────────────────
  // GET  /repos/{o}/{r}/commits/{sha}                          head commit and its committer date
  // GET  /repos/{o}/{r}/pulls/{n}/reviews                      reviews, paginated
  // POST /repos/{o}/{r}/statuses/{sha}                         commit statuses (recorded)
  // GET  /orgs/{org}/teams/{team_slug}/memberships/{username}  team membership

  /** Head commit of the pull requests; `push()` moves it. */
  headSha = String((PULL.head as Json).sha);
  /** Commit sha → committer date. */
  readonly commits = new Map<string, string>([[String((PULL.head as Json).sha), '2025-06-02T09:00:00Z']]);
  readonly reviews: StoredReview[] = [];
  readonly statuses: StoredStatus[] = [];
  /** "org/team-slug" → logins of its active members. */
  readonly teams = new Map<string, Set<string>>();
  private nextReview = 80_000_001;

  private stamp(): string {
    return new Date((this.clock += 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** A new head commit, committed now (on the server's clock, after every earlier comment). */
  push(sha = `c0ffee${String(this.commits.size).padStart(34, '0')}`): string {
    this.commits.set(sha, this.stamp());
    this.headSha = sha;
    return sha;
  }

  addReview(issue: number, login: string, state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED', body = '', commitId = this.headSha): StoredReview {
    const r: StoredReview = { id: this.nextReview++, issue, user: userJson(login), state, body, submitted_at: this.stamp(), commit_id: commitId };
    this.reviews.push(r);
    return r;
  }

  /** The latest status with a context on a commit. */
  latestStatus(sha = this.headSha, context = 'costdiff'): StoredStatus | undefined {
    return [...this.statuses].reverse().find((s) => s.sha === sha && s.context === context);
  }

  private approvalRoute(method: string, path: string, u: URL, body: unknown): { status: number; body: unknown; headers?: Record<string, string> } | undefined {
    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    const api = `${this.url}${repoPrefix}`;
    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = new RegExp(`^${repoPrefix}/commits/([^/]+)$`).exec(path))) {
      const sha = decodeURIComponent(m[1]);
      const date = this.commits.get(sha);
      if (!date) return { status: 422, body: { message: `No commit found for SHA: ${sha}`, documentation_url: 'https://docs.github.com/rest/commits/commits#get-a-commit', status: '422' } };
      const who = { name: 'Monalisa Octocat', email: 'support@github.com', date };
      return {
        status: 200,
        body: { sha, node_id: `C_${sha}`, url: `${api}/commits/${sha}`, html_url: `https://github.com/${this.owner}/${this.repo}/commit/${sha}`, commit: { author: who, committer: who, message: 'Change the infrastructure', comment_count: 0 }, author: userJson('octocat'), committer: userJson('octocat'), parents: [], files: [] },
      };
    }
    if (method === 'GET' && (m = new RegExp(`^${repoPrefix}/pulls/(\\d+)/reviews$`).exec(path))) {
      const n = Number(m[1]);
      if (!this.pulls.has(n)) return { status: 404, body: ERRORS['404'] };
      const all = this.reviews
        .filter((r) => r.issue === n)
        .map((r) => ({
          id: r.id,
          node_id: `PRR_${r.id}`,
          user: r.user,
          body: r.body,
          state: r.state,
          html_url: `https://github.com/${this.owner}/${this.repo}/pull/${n}#pullrequestreview-${r.id}`,
          pull_request_url: `${api}/pulls/${n}`,
          author_association: 'MEMBER',
          submitted_at: r.submitted_at,
          commit_id: r.commit_id,
        }));
      return { status: 200, ...pageOf(all, u, `${api}/pulls/${n}/reviews`) };
    }
    if (method === 'POST' && (m = new RegExp(`^${repoPrefix}/statuses/([0-9a-f]{40})$`).exec(path))) {
      const b = (body ?? {}) as Json;
      if (!['error', 'failure', 'pending', 'success'].includes(String(b.state))) {
        return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Status', code: 'custom', field: 'state', message: 'state is not included in the list' }], status: '422' } };
      }
      if (typeof b.description === 'string' && b.description.length > 140) {
        return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Status', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' }], status: '422' } };
      }
      const at = this.stamp();
      const st: StoredStatus = { sha: m[1], state: String(b.state), context: String(b.context ?? 'default'), description: (b.description as string | undefined) ?? null, target_url: (b.target_url as string | undefined) ?? null, created_at: at };
      this.statuses.push(st);
      return {
        status: 201,
        body: { url: `${api}/statuses/${st.sha}`, id: this.statuses.length, node_id: `SC_${this.statuses.length}`, state: st.state, description: st.description, target_url: st.target_url, context: st.context, created_at: at, updated_at: at, creator: userJson('github-actions[bot]') },
      };
    }
    if (method === 'GET' && (m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(path))) {
      const team = `${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`.toLowerCase();
      const login = decodeURIComponent(m[3]).toLowerCase();
      const members = [...this.teams.entries()].find(([t]) => t.toLowerCase() === team)?.[1];
      if (!members || ![...members].some((x) => x.toLowerCase() === login)) return { status: 404, body: ERRORS['404'] };
      return { status: 200, body: { url: `${this.url}${path}`, role: 'member', state: 'active' } };
    }
    return undefined;
  }
}

export interface StoredReview {
  id: number;
  issue: number;
  user: Json;
  state: string;
  body: string;
  submitted_at: string;
  commit_id: string;
}

export interface StoredStatus {
  sha: string;
  state: string;
  context: string;
  description: string | null;
  target_url: string | null;
  created_at: string;
}

/** A GitHub user object for a login. */
export function userJson(login: string, type: 'User' | 'Bot' = 'User'): Json {
  let id = 0;
  for (const ch of login) id = (id * 31 + ch.charCodeAt(0)) % 9_000_000;
  return { login, id: id + 1000, node_id: `U_${login}`, type, site_admin: false, html_url: `https://github.com/${login}` };
}

function pageOf(all: Json[], u: URL, base: string): { body: Json[]; headers?: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(u.searchParams.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(u.searchParams.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (p: number, rel: string) => `<${base}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
  const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
  return { body: all.slice((page - 1) * perPage, page * perPage), ...(links.length ? { headers: { link: links.join(', ') } } : {}) };
}
