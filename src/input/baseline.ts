import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { Decimal } from '../core/decimal.js';
import { UserError } from '../core/errors.js';
import { diffFromRecorded, type RecordedDiff } from '../estimate/diff.js';
import type { CostDiff } from '../estimate/diff-types.js';
import { sumRanges } from '../estimate/ranges.js';
import type { CostComponent, CostRange, PricingInfo, ProjectEstimate, Recommendation, ResourceEstimate, ResourceRef, SubresourceEstimate, UnpricedComponent } from '../estimate/types.js';
import { parseJson, readProjects, type InputOptions } from './index.js';
import type { ChangeAction, Project } from './types.js';

/**
 * Baselines for `costdiff diff --compare-to`: costdiff's own JSON output read back, or the same
 * --path at a git ref, materialised in a temporary directory (the working tree is never touched).
 */

export type CostdiffOutput =
  | { kind: 'breakdown'; pricing: PricingInfo; projects: ProjectEstimate[] }
  | { kind: 'diff'; pricing: PricingInfo; recorded: RecordedDiff; plannedProjects: ProjectEstimate[] };

/** costdiff's JSON output (breakdown or diff) has a version and a projects list. */
export type CostdiffJsonDoc = Record<string, unknown> & { version: string; projects: unknown[] };

export function isCostdiffJson(doc: unknown): doc is CostdiffJsonDoc {
  return typeof doc === 'object' && doc !== null && typeof (doc as { version?: unknown }).version === 'string' && Array.isArray((doc as { projects?: unknown }).projects);
}

export function isDiffJson(doc: Record<string, unknown>): boolean {
  return typeof doc.past === 'number' && typeof doc.planned === 'number' && typeof doc.delta === 'number';
}

export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserError(`${path} is a directory, not a costdiff JSON file`);
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${path}: no such file or directory`);
  }
  return parseJson(text, path);
}

const ACTIONS: ChangeAction[] = ['create', 'update', 'delete', 'replace', 'no-op'];

class Reader {
  constructor(private readonly file: string) {}

  fail(where: string, what: string): never {
    throw new UserError(`${this.file}: ${where}: ${what} (not costdiff JSON output version 1?)`);
  }

  obj(v: unknown, where: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(where, 'expected an object');
    return v as Record<string, unknown>;
  }

  arr(v: unknown, where: string, optional = false): unknown[] {
    if (optional && v === undefined) return [];
    if (!Array.isArray(v)) this.fail(where, 'expected a list');
    return v;
  }

  str(v: unknown, where: string): string {
    if (typeof v !== 'string') this.fail(where, 'expected a string');
    return v;
  }

  recommendations(v: unknown[]): Recommendation[] {
    return v.map((x, i) => {
      const o = this.obj(x, `recommendations[${i}]`);
      const saving = this.money(o.monthlySaving, `recommendations[${i}].monthlySaving`);
      if (saving.isNegative()) this.fail(`recommendations[${i}].monthlySaving`, 'expected a saving (not negative)');
      return {
        address: this.str(o.address, `recommendations[${i}].address`),
        change: this.str(o.change, `recommendations[${i}].change`),
        monthlySaving: saving,
        detail: this.str(o.detail, `recommendations[${i}].detail`),
      };
    });
  }

  /** A quantity or a price: never negative (a cost delta may be). */
  amount(v: unknown, where: string): Decimal {
    const d = this.money(v, where);
    if (d.isNegative()) this.fail(where, 'expected a number that is not negative');
    return d;
  }

  money(v: unknown, where: string): Decimal {
    // tryFrom, not fromNumber: 1e308 or 5e-324 is out of Decimal's range, a bad file, not a crash.
    const d = typeof v === 'number' ? Decimal.tryFrom(v) : undefined;
    if (!d) this.fail(where, 'expected a number');
    return d;
  }

  moneyOrNull(v: unknown, where: string): Decimal | null {
    return v === null ? null : this.money(v, where);
  }

  /** An optional `{ low, high }` usage range, as `{ costRange }` to spread. */
  range(v: unknown, where: string): { costRange?: CostRange } {
    if (v === undefined) return {};
    const o = this.obj(v, where);
    return { costRange: { low: this.money(o.low, `${where}.low`), high: this.money(o.high, `${where}.high`) } };
  }

  unpriced(v: unknown, where: string): UnpricedComponent[] {
    return this.arr(v, where, true).map((u, i) => {
      const o = this.obj(u, `${where}[${i}]`);
      return { component: this.str(o.component, `${where}[${i}].component`), reason: this.str(o.reason, `${where}[${i}].reason`) };
    });
  }

  component(v: unknown, where: string): CostComponent {
    const o = this.obj(v, where);
    const tiers = o.tiers === undefined ? undefined : this.arr(o.tiers, `${where}.tiers`).map((t, i) => {
      const to = this.obj(t, `${where}.tiers[${i}]`);
      return {
        start: this.money(to.start, `${where}.tiers[${i}].start`),
        ...(to.end === null || to.end === undefined ? {} : { end: this.money(to.end, `${where}.tiers[${i}].end`) }),
        unitPrice: this.amount(to.unitPrice, `${where}.tiers[${i}].unitPrice`),
      };
    });
    return {
      name: this.str(o.name, `${where}.name`),
      unit: this.str(o.unit, `${where}.unit`),
      monthlyQuantity: o.monthlyQuantity === null ? null : this.amount(o.monthlyQuantity, `${where}.monthlyQuantity`),
      unitPrice: this.amount(o.unitPrice, `${where}.unitPrice`),
      priceUnit: typeof o.priceUnit === 'string' ? o.priceUnit : this.str(o.unit, `${where}.unit`),
      ...(tiers ? { tiers } : {}),
      monthlyCost: this.moneyOrNull(o.monthlyCost, `${where}.monthlyCost`),
      ...this.range(o.monthlyCostRange, `${where}.monthlyCostRange`),
      usageBased: o.usageBased === true,
      provenance: this.arr(o.provenance, `${where}.provenance`, true) as CostComponent['provenance'],
    };
  }

  subresource(v: unknown, where: string): SubresourceEstimate {
    const o = this.obj(v, where);
    return {
      name: this.str(o.name, `${where}.name`),
      components: this.arr(o.components, `${where}.components`, true).map((c, i) => this.component(c, `${where}.components[${i}]`)),
      subresources: this.arr(o.subresources, `${where}.subresources`, true).map((s, i) => this.subresource(s, `${where}.subresources[${i}]`)),
      unpriced: this.unpriced(o.unpriced, `${where}.unpriced`),
      monthlyCost: this.moneyOrNull(o.monthlyCost, `${where}.monthlyCost`),
      ...this.range(o.monthlyCostRange, `${where}.monthlyCostRange`),
    };
  }

  /** The cost fields of a resource (`o`) with its identity from `id`. */
  resource(o: Record<string, unknown>, id: Record<string, unknown>, where: string): ResourceEstimate {
    const components = this.arr(o.components, `${where}.components`, true).map((c, i) => this.component(c, `${where}.components[${i}]`));
    const subresources = this.arr(o.subresources, `${where}.subresources`, true).map((s, i) => this.subresource(s, `${where}.subresources[${i}]`));
    const usageUnknown = (cs: CostComponent[], ss: SubresourceEstimate[]): boolean =>
      cs.some((c) => c.monthlyCost === null) || ss.some((s) => usageUnknown(s.components, s.subresources));
    return {
      address: this.str(id.address, `${where}.address`),
      type: this.str(id.type, `${where}.type`),
      region: this.str(id.region, `${where}.region`),
      components,
      subresources,
      unpriced: this.unpriced(o.unpriced, `${where}.unpriced`),
      assumptions: this.arr(o.assumptions, `${where}.assumptions`, true).map((a, i) => this.str(a, `${where}.assumptions[${i}]`)),
      monthlyCost: this.moneyOrNull(o.monthlyCost, `${where}.monthlyCost`),
      ...this.range(o.monthlyCostRange, `${where}.monthlyCostRange`),
      hasUsageBasedUnknowns: usageUnknown(components, subresources),
    };
  }

  refs(v: unknown, where: string): ResourceRef[] {
    return this.arr(v, where, true).map((r, i) => {
      const o = this.obj(r, `${where}[${i}]`);
      return {
        address: this.str(o.address, `${where}[${i}].address`),
        type: this.str(o.type, `${where}[${i}].type`),
        ...(typeof o.note === 'string' ? { note: o.note } : {}),
      };
    });
  }

  pricing(v: unknown): PricingInfo {
    const o = this.obj(v, 'pricing');
    return {
      snapshot: typeof o.snapshot === 'string' ? o.snapshot : '',
      mode: o.mode === 'online' ? 'online' : 'offline',
      sourceDates: this.arr(o.sourceDates, 'pricing.sourceDates', true).map((d, i) => this.str(d, `pricing.sourceDates[${i}]`)),
    };
  }
}

/** Reads costdiff's JSON output (breakdown or diff) back into estimates. */
export function readCostdiffOutput(doc: unknown, file: string): CostdiffOutput {
  if (!isCostdiffJson(doc)) throw new UserError(`${file}: not costdiff JSON output (no "version" and "projects")`);
  const r = new Reader(file);
  if (doc.version !== '1') throw new UserError(`${file}: costdiff JSON version ${doc.version} is not supported (this costdiff reads version 1)`);
  const pricing = r.pricing(doc.pricing);
  if (!isDiffJson(doc)) {
    const projects = doc.projects.map((pv, pi) => {
      const p = r.obj(pv, `projects[${pi}]`);
      const resources = r.arr(p.resources, `projects[${pi}].resources`).map((rv, ri) => {
        const o = r.obj(rv, `projects[${pi}].resources[${ri}]`);
        return r.resource(o, o, `projects[${pi}].resources[${ri}]`);
      });
      return {
        name: r.str(p.name, `projects[${pi}].name`),
        path: r.str(p.path, `projects[${pi}].path`),
        region: r.str(p.region, `projects[${pi}].region`),
        resources,
        free: r.refs(p.free, `projects[${pi}].free`),
        unsupported: r.refs(p.unsupported, `projects[${pi}].unsupported`),
        totalMonthlyCost: r.money(p.totalMonthlyCost, `projects[${pi}].totalMonthlyCost`),
        ...r.range(p.totalMonthlyCostRange, `projects[${pi}].totalMonthlyCostRange`),
        warnings: r.arr(p.warnings, `projects[${pi}].warnings`, true).map((w) => String(w)),
      };
    });
    return { kind: 'breakdown', pricing, projects };
  }
  const recorded: RecordedDiff = {
    pricing,
    ...(Array.isArray(doc.recommendations) && doc.recommendations.length ? { recommendations: r.recommendations(doc.recommendations) } : {}),
    projects: doc.projects.map((pv, pi) => {
      const p = r.obj(pv, `projects[${pi}]`);
      const at = `projects[${pi}]`;
      return {
        name: r.str(p.name, `${at}.name`),
        path: r.str(p.path, `${at}.path`),
        region: r.str(p.region, `${at}.region`),
        resources: r.arr(p.resources, `${at}.resources`).map((rv, ri) => {
          const w = `${at}.resources[${ri}]`;
          const o = r.obj(rv, w);
          const action = o.action as ChangeAction;
          if (!ACTIONS.includes(action)) r.fail(`${w}.action`, `expected one of ${ACTIONS.join(', ')}`);
          const shown = r.resource(o, o, w);
          const pastBreakdown = o.pastBreakdown === undefined ? undefined : r.resource(r.obj(o.pastBreakdown, `${w}.pastBreakdown`), o, `${w}.pastBreakdown`);
          return {
            action,
            ...(action === 'delete' ? { past: shown } : { planned: shown }),
            ...(pastBreakdown ? { past: pastBreakdown } : {}),
            costs: {
              past: r.money(o.pastMonthlyCost, `${w}.pastMonthlyCost`),
              planned: r.money(o.plannedMonthlyCost, `${w}.plannedMonthlyCost`),
              ...rangeAs('pastRange', r.range(o.pastMonthlyCostRange, `${w}.pastMonthlyCostRange`)),
              ...rangeAs('plannedRange', r.range(o.plannedMonthlyCostRange, `${w}.plannedMonthlyCostRange`)),
            },
          };
        }),
        free: r.refs(p.free, `${at}.free`),
        unsupported: r.refs(p.unsupported, `${at}.unsupported`),
        warnings: r.arr(p.warnings, `${at}.warnings`, true).map((w) => String(w)),
      };
    }),
  };
  // As a baseline, a diff stands for its planned side.
  const plannedProjects: ProjectEstimate[] = recorded.projects.map((p) => {
    const resources = p.resources.filter((x) => x.planned).map((x) => x.planned as ResourceEstimate);
    const costRange = sumRanges(p.resources.filter((x) => x.planned).map((x) => ({ cost: x.costs.planned, range: x.costs.plannedRange })));
    return {
      name: p.name,
      path: p.path,
      region: p.region,
      resources,
      free: p.free,
      unsupported: p.unsupported,
      totalMonthlyCost: Decimal.sum(p.resources.filter((x) => x.planned).map((x) => x.costs.planned)),
      ...(costRange ? { costRange } : {}),
      warnings: p.warnings,
    };
  });
  return { kind: 'diff', pricing, recorded, plannedProjects };
}

function rangeAs<K extends string>(key: K, r: { costRange?: CostRange }): Partial<Record<K, CostRange>> {
  return r.costRange ? ({ [key]: r.costRange } as Record<K, CostRange>) : {};
}

export type Baseline = { kind: 'estimate'; projects: ProjectEstimate[] } | { kind: 'projects'; projects: Project[] };

/**
 * What `--compare-to` names: `git:<ref>` (the same --path at that ref), costdiff JSON output, a
 * plan JSON, a binary plan or a .tf directory.
 */
export async function readBaseline(spec: string, newPath: string, options: InputOptions): Promise<Baseline> {
  if (spec.startsWith('git:')) {
    const ref = spec.slice(4);
    if (!ref) throw new UserError('--compare-to git: needs a ref, e.g. git:origin/main');
    return { kind: 'projects', projects: await readAtGitRef(ref, newPath, options) };
  }
  let info;
  try {
    info = await stat(spec);
  } catch {
    throw new UserError(`--compare-to ${spec}: no such file or directory (use git:<ref> for a git ref)`);
  }
  if (info.isFile()) {
    const head = await readFile(spec, 'utf8').catch(() => '');
    if (head.trimStart().startsWith('{')) {
      let doc: unknown;
      try {
        doc = JSON.parse(head);
      } catch {
        doc = undefined; // readProjects reports the JSON error
      }
      if (isCostdiffJson(doc)) {
        const out = readCostdiffOutput(doc, spec);
        return { kind: 'estimate', projects: out.kind === 'breakdown' ? out.projects : out.plannedProjects };
      }
    }
  }
  return { kind: 'projects', projects: await readProjects(spec, { ...options, projectName: undefined }) };
}

const run = promisify(execFile);

async function git(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

async function existingDir(path: string): Promise<string> {
  let dir = path;
  for (;;) {
    try {
      if ((await stat(dir)).isDirectory()) return dir;
    } catch {
      // walk up
    }
    const parent = dirname(dir);
    if (parent === dir) return dir;
    dir = parent;
  }
}

/** Reads `path` as it is at `ref`, from a temporary copy made with git archive / git show. */
export async function readAtGitRef(ref: string, path: string, options: InputOptions): Promise<Project[]> {
  const abs = resolve(path);
  const cwd = await existingDir(abs);
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError('--compare-to git:… needs git on PATH');
    throw new UserError(`--compare-to git:${ref}: ${path} is not inside a git repository`);
  }
  const realCwd = await realpath(cwd);
  const rel = relative(await realpath(top), join(realCwd, relative(cwd, abs))).split(sep).join('/');
  if (rel.startsWith('..')) throw new UserError(`--compare-to git:${ref}: ${path} is outside the git repository at ${top}`);
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    throw new UserError(`git ref ${ref} not found (fetch it first, e.g. \`git fetch origin\`; in GitHub Actions check out with fetch-depth: 0)`);
  }
  let kind: string;
  try {
    kind = (await git(['cat-file', '-t', `${ref}:${rel}`], top)).trim();
  } catch {
    throw new UserError(`${path} does not exist at git ref ${ref}`);
  }
  const tmp = await mkdtemp(join(tmpdir(), 'costdiff-git-'));
  try {
    const target = join(tmp, rel);
    if (kind === 'blob') {
      const { stdout } = await run('git', ['show', `${ref}:${rel}`], { cwd: top, maxBuffer: 1024 * 1024 * 1024, encoding: 'buffer' });
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, stdout);
    } else {
      // The whole tree, so that local modules (source = "../modules/x") resolve as they did.
      await archiveInto(ref, top, tmp);
    }
    const projects = await readProjects(target, options);
    for (const p of projects) {
      p.name = p.name.split(target).join(path);
      p.path = p.path.split(target).join(path);
      p.warnings = p.warnings.map((w) => w.split(target).join(path));
    }
    return projects;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function archiveInto(ref: string, top: string, dir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', ref], { cwd: top, stdio: ['ignore', 'pipe', 'pipe'] });
    const tar = spawn('tar', ['-x', '-f', '-', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    archive.stderr.on('data', (d) => (errors += String(d)));
    tar.stderr.on('data', (d) => (errors += String(d)));
    archive.stdout.pipe(tar.stdin);
    let pending = 2;
    let failed = false;
    const done = (code: number | null) => {
      if (code !== 0) failed = true;
      if (--pending === 0) failed ? reject(new UserError(`cannot extract git ref ${ref}: ${errors.trim().split('\n')[0] || 'git archive failed'}`)) : resolvePromise();
    };
    archive.on('error', () => done(1));
    tar.on('error', () => done(1));
    archive.on('close', done);
    tar.on('close', done);
  });
}

/** Reads `costdiff diff --format json` output; anything else is refused with what to run. */
export async function readDiffJson(path: string): Promise<CostDiff> {
  const doc = await readJsonFile(path);
  if (!isCostdiffJson(doc)) throw new UserError(`${path} is not costdiff JSON output; create it with \`costdiff diff --format json --out ${path}\``);
  if (!isDiffJson(doc)) {
    throw new UserError(`${path} is a costdiff breakdown, not a diff; create the diff with \`costdiff diff --format json --out ${path}\``);
  }
  const out = readCostdiffOutput(doc, path);
  if (out.kind !== 'diff') throw new UserError(`${path} is not a costdiff diff`);
  return diffFromRecorded(out.recorded);
}
