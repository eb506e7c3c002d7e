/**
 * The fuzz harness shared by test/fuzz/fuzz.test.ts (a fixed seed, a few hundred cases) and
 * bench/fuzz.ts (thousands, seed and count from argv). A case is a mutated input (plan JSON,
 * usage file, costdiff.yml, .tf directory) run through the real CLI in a child process; it
 * passes when costdiff ends by itself with 0, 1 or 2, says what went wrong in one line, and
 * prints sound JSON when it succeeds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse as yamlParse } from 'yaml';
import { caseSeed, fixedCatalog, generatePlan, generateUsage, mutateHcl, mutateJson, mutateYaml, Rng, usageYaml, type Mutated } from '../support/generate.js';

export type CaseKind = 'plan' | 'usage' | 'config' | 'hcl' | 'baseline';

export interface FuzzCase {
  seed: number;
  index: number;
  kind: CaseKind;
  /** The seed input that was mutated, and how. */
  from: string;
  steps: string[];
  args: string[];
  /** Whether stdout must be costdiff JSON on success. */
  json: boolean;
}

export interface Outcome {
  fuzzCase: FuzzCase;
  status: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
  problems: string[];
}

interface Seeds {
  root: string;
  plans: { name: string; doc: unknown }[];
  usage: { name: string; doc: unknown; text: string }[];
  /** costdiff.yml seeds; the directory is copied with them (metrics files are relative). */
  configs: { name: string; dir: string; file: string; doc: unknown; text: string }[];
  hclDirs: string[];
  /** costdiff's own JSON output (breakdown and diff), read back by `diff --compare-to`. */
  baselines: { name: string; doc: unknown }[];
  commands: { diff: boolean; markdown: boolean; config: boolean; hcl: boolean; baseline: boolean };
}

function listFiles(dir: string, ext: RegExp, depth = 4): string[] {
  if (!existsSync(dir) || depth < 0) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, ext, depth - 1));
    else if (ext.test(e)) out.push(p);
  }
  return out;
}

function cliHelp(root: string, args: string[]): string {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'costdiff.js'), ...args], { cwd: root, env: fuzzEnv(), encoding: 'utf8', timeout: 30_000 });
  return r.stdout ?? '';
}

/** Environment of every fuzz run: offline, nothing from the caller's AWS/GitHub settings. */
export function fuzzEnv(): NodeJS.ProcessEnv {
  // Endpoints point at a closed local port: should a mutated input ever reach for the network,
  // it fails here instead of leaving the machine.
  return { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', GITHUB_API_URL: 'http://127.0.0.1:9', AWS_ENDPOINT_URL_PRICING: 'http://127.0.0.1:9' };
}

/** Reads the valid inputs to mutate and which commands and options the CLI has today. */
export function loadSeeds(root: string): Seeds {
  const plans = listFiles(join(root, 'fixtures', 'plans'), /\.json$/, 0).map((p) => ({ name: relative(root, p), doc: JSON.parse(readFileSync(p, 'utf8')) as unknown }));
  const catalog = fixedCatalog();
  for (const [i, actions] of (['create', 'mixed', 'mixed'] as const).entries()) {
    plans.push({ name: `generated(seed ${i}, ${actions})`, doc: generatePlan(new Rng(1000 + i), { resources: 12 + 8 * i, catalog, actions, maxCount: 3 }).plan });
  }
  const usage = listFiles(join(root, 'fixtures', 'plans'), /\.ya?ml$/, 0).map((p) => {
    const text = readFileSync(p, 'utf8');
    return { name: relative(root, p), doc: yamlParse(text) as unknown, text };
  });
  const generatedUsage = generateUsage(new Rng(7), ['aws_instance.web', 'aws_nat_gateway.main', 'aws_lb.public', 'module.db.aws_db_instance.main'], catalog.regions);
  usage.push({ name: 'generated usage', doc: generatedUsage, text: usageYaml(generatedUsage) });

  const help = cliHelp(root, ['--help']);
  const diff = /^\s+costdiff diff\b/m.test(help);
  const diffHelp = diff ? cliHelp(root, ['diff', '--help']) : '';
  const config = diff && /--config\b/.test(diffHelp);
  const configs = config
    ? [...listFiles(join(root, 'examples'), /^costdiff\.ya?ml$/, 0), ...listFiles(join(root, 'fixtures'), /^costdiff\.ya?ml$/, 3)].flatMap((p) => {
        const text = readFileSync(p, 'utf8');
        let doc: unknown;
        try {
          doc = yamlParse(text);
        } catch {
          return [];
        }
        // GitHub workflow files share the name; they are not configs.
        if (!doc || typeof doc !== 'object' || 'jobs' in doc || 'on' in doc) return [];
        return [{ name: relative(root, p), dir: dirname(p), file: basename(p), doc, text }];
      })
    : [];
  const hcl = existsSync(join(root, 'dist', 'src', 'input', 'hcl', 'index.js'));
  const hclDirs = hcl ? readdirSync(join(root, 'fixtures', 'hcl')).map((d) => join(root, 'fixtures', 'hcl', d)).filter((d) => statSync(d).isDirectory() && listFiles(d, /\.tf$/).length > 0).sort() : [];
  const markdown = /markdown/.test(diffHelp);
  const baselines: { name: string; doc: unknown }[] = [];
  if (diff && /--compare-to\b/.test(diffHelp)) {
    for (const args of [['breakdown'], ['diff']]) {
      const r = spawnSync(process.execPath, [join(root, 'bin', 'costdiff.js'), ...args, '--path', join(root, 'fixtures', 'plans', 'example.json'), '--format', 'json'], { cwd: root, env: fuzzEnv(), encoding: 'utf8', timeout: 60_000 });
      if (r.status === 0) baselines.push({ name: `${args[0]} JSON of fixtures/plans/example.json`, doc: JSON.parse(r.stdout) as unknown });
    }
  }
  return { root, plans, usage, configs, hclDirs, baselines, commands: { diff, markdown, config: configs.length > 0, hcl: hclDirs.length > 0, baseline: baselines.length > 0 } };
}

/** The kinds this CLI can be fuzzed with, and how often each is picked. */
function kinds(seeds: Seeds): [CaseKind, number][] {
  const out: [CaseKind, number][] = [
    ['plan', 5],
    ['usage', 2],
  ];
  if (seeds.commands.hcl) out.push(['hcl', 2]);
  if (seeds.commands.config) out.push(['config', 1]);
  if (seeds.commands.baseline) out.push(['baseline', 1]);
  return out;
}

/**
 * Builds case `index` of run `seed` in `dir` (written files, CLI arguments). Deterministic:
 * the same seed, index and seeds give the same bytes.
 */
export function buildCase(seeds: Seeds, seed: number, index: number, dir: string, only?: CaseKind): FuzzCase {
  const rng = new Rng(caseSeed(seed, index));
  const kind = only ?? rng.weighted(kinds(seeds));
  mkdirSync(dir, { recursive: true });
  const example = join(seeds.root, 'fixtures', 'plans', 'example.json');
  const format = rng.weighted([
    ['json', 6],
    ['table', 2],
    ['markdown', 1],
  ] as const);
  let mutated: Mutated;
  let from: string;
  let args: string[];
  const command = seeds.commands.diff && rng.bool(0.3) ? 'diff' : 'breakdown';
  const fmt = format === 'markdown' && !(command === 'diff' && seeds.commands.markdown) ? 'json' : format;
  switch (kind) {
    case 'plan': {
      const s = rng.pick(seeds.plans);
      from = s.name;
      mutated = mutateJson(rng, s.doc as never);
      const file = join(dir, 'plan.json');
      writeFileSync(file, mutated.bytes);
      args = [command, '--path', file];
      break;
    }
    case 'usage': {
      const s = rng.pick(seeds.usage);
      from = s.name;
      mutated = mutateYaml(rng, s.doc as never, s.text);
      const file = join(dir, 'usage.yml');
      writeFileSync(file, mutated.bytes);
      args = [command, '--path', example, '--usage-file', file];
      break;
    }
    case 'config': {
      const s = rng.pick(seeds.configs);
      from = s.name;
      mutated = mutateYaml(rng, s.doc as never, s.text);
      const target = join(dir, 'config');
      cpSync(s.dir, target, { recursive: true });
      const file = join(target, s.file);
      writeFileSync(file, mutated.bytes);
      // diff reads the whole config (projects, unit economics, forecast, budgets); check its policies.
      const finops = join(seeds.root, 'fixtures', 'finops');
      args = rng.bool(0.6)
        ? ['diff', '--path', existsSync(join(finops, 'plan.json')) ? join(finops, 'plan.json') : example, '--config', file]
        : ['check', '--path', join(finops, 'diff.json'), '--config', file];
      break;
    }
    case 'baseline': {
      const s = rng.pick(seeds.baselines);
      from = s.name;
      mutated = mutateJson(rng, s.doc as never);
      const file = join(dir, 'baseline.json');
      writeFileSync(file, mutated.bytes);
      args = ['diff', '--path', example, '--compare-to', file];
      break;
    }
    case 'hcl': {
      const src = rng.pick(seeds.hclDirs);
      const target = join(dir, 'tf');
      cpSync(src, target, { recursive: true });
      const files = listFiles(target, /\.(tf|tfvars)$/);
      const victim = rng.pick(files);
      from = `${relative(seeds.root, src)}/${relative(target, victim)}`;
      mutated = mutateHcl(rng, readFileSync(victim, 'utf8'));
      writeFileSync(victim, mutated.bytes);
      args = [command, '--path', target];
      break;
    }
  }
  if (args[0] === 'check') return { seed, index, kind, from, steps: mutated.steps, args, json: false };
  return { seed, index, kind, from, steps: mutated.steps, args: [...args, '--format', fmt], json: fmt === 'json' };
}

/** Money fields that must be finite and not negative (or null) in any JSON costdiff prints. */
const NON_NEGATIVE = new Set(['monthlyCost', 'totalMonthlyCost', 'hourlyCost', 'past', 'planned', 'pastMonthlyCost', 'plannedMonthlyCost', 'unitPrice', 'monthlyQuantity']);

function moneyProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const stack: [unknown, string][] = [[doc, '$']];
  let visits = 0;
  while (stack.length && visits < 1_000_000 && problems.length < 5) {
    visits++;
    const [node, path] = stack.pop() as [unknown, string];
    if (Array.isArray(node)) node.forEach((v, i) => stack.push([v, `${path}[${i}]`]));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        // Objects under these names (a forecast's {expected, low, high}) are checked field by field.
        if (NON_NEGATIVE.has(k) && v !== null && typeof v !== 'object' && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) problems.push(`${path}.${k} is ${JSON.stringify(v)}`);
        stack.push([v, `${path}.${k}`]);
      }
    }
  }
  return problems;
}

/** What is wrong with how costdiff ended; empty when nothing is. */
export function check(c: FuzzCase, r: { status: number | null; signal: string | null; timedOut: boolean; stdout: string; stderr: string }, timeoutMs: number): string[] {
  const problems: string[] = [];
  if (r.timedOut) return [`hang: still running after ${timeoutMs / 1000} s`];
  // 3 is `check`'s "a policy failed": a verdict, not a failure.
  const allowed = c.args[0] === 'check' ? [0, 1, 2, 3] : [0, 1, 2];
  if (r.status === null || !allowed.includes(r.status)) problems.push(`exit ${r.status ?? r.signal}`);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  if (lines.some((l) => !l.startsWith('costdiff: '))) problems.push(`stderr line not starting with "costdiff: ": ${JSON.stringify(lines.find((l) => !l.startsWith('costdiff: '))?.slice(0, 200))}`);
  if (lines.some((l) => /internal error/.test(l))) problems.push(`internal error: ${lines.find((l) => /internal error/.test(l))?.slice(0, 300)}`);
  if (lines.some((l) => /^\s+at .+:\d+:\d+\)?$/.test(l))) problems.push('stack trace on stderr');
  if (r.status !== 0 && r.status !== 3 && r.status !== null) {
    // An error is one line; warnings printed before it would be noise in front of it.
    if (lines.length !== 1) problems.push(`exit ${r.status} with ${lines.length} stderr lines`);
  } else if (r.status === 0 && lines.some((l) => !l.startsWith('costdiff: warning: '))) {
    problems.push(`exit 0 but stderr has a non-warning line: ${lines.find((l) => !l.startsWith('costdiff: warning: '))?.slice(0, 200)}`);
  }
  if (r.status === 0 && c.json) {
    try {
      problems.push(...moneyProblems(JSON.parse(r.stdout)));
    } catch (err) {
      problems.push(`exit 0 with --format json but stdout is not JSON (${(err as Error).message.slice(0, 100)})`);
    }
  }
  return problems;
}

/** Runs one case as a child process with a hard timeout (SIGKILL: a hang is a failure, not a wait). */
export function runCase(root: string, c: FuzzCase, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin', 'costdiff.js'), ...c.args], { cwd: root, env: fuzzEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    // Bounded capture: a runaway output is a finding, not a reason to exhaust the runner's memory.
    const cap = 64 * 1024 * 1024;
    child.stdout.on('data', (b: Buffer) => {
      if ((outBytes += b.length) <= cap) out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.reduce((n, x) => n + x.length, 0) < 1024 * 1024) err.push(b);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const r = { status, signal, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      resolve({ fuzzCase: c, ...r, ms: performance.now() - t0, problems: check(c, r, timeoutMs) });
    });
  });
}

/** Runs `fn` over items with at most `size` at a time, results in item order. */
export async function pool<T, R>(items: T[], size: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

/** One line that says how to rerun a failing case, and what it was. */
export function describe(o: Outcome): string {
  const c = o.fuzzCase;
  return `seed ${c.seed} case ${c.index} (${c.kind} from ${c.from}: ${c.steps.join(', ')}) costdiff ${c.args.map((a) => (a.includes('/') ? a.replace(/^.*\/(case-\d+)\//, '<$1>/') : a)).join(' ')}\n    → ${o.problems.join('; ')}\n    stderr: ${o.stderr.trim().split('\n')[0]?.slice(0, 300) ?? ''}\n    rerun: node dist/bench/fuzz.js --seed ${c.seed} --case ${c.index} --keep`;
}
