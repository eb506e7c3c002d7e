/**
 * `npm run bench`: how fast costdiff is, as a user runs it (one child process per measurement).
 *
 *   node dist/bench/run.js [--sizes 50,1000,10000,50000] [--no-profile] [--no-hcl] [--keep]
 *
 * Generates plan JSON with every priced type (plus free and unsupported ones) over the regions
 * the pricing snapshot has, then prints wall time (median of N), peak memory, the floor (node
 * start-up + JSON.parse of the same file) and the ratio, the work floor (the floor plus reading
 * the pricing files and writing the report, see workFloor), `diff` and markdown timings when
 * those commands exist, start-up costs and the modules --help loads, a CPU profile of the 10k
 * breakdown, and the HCL throughput from bench/hcl/run.js. Figures only, never pass/fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePlan, generateUsage, Rng, snapshotCatalog, typesWithoutGenerator, usageYaml } from '../test/support/generate.js';
import { CLI, UNBUNDLED_CLI, cleanEnv, fmtMb, fmtMs, measure, median, PIPELINE_STAGES, printTable, ROOT, selfTimes, series, stageTimes, type Series } from './lib.js';

interface Args {
  sizes: number[];
  profile: boolean;
  hcl: boolean;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { sizes: [50, 1000, 10000, 50000], profile: true, hcl: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') a.sizes = (argv[++i] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    else if (argv[i] === '--no-profile') a.profile = false;
    else if (argv[i] === '--no-hcl') a.hcl = false;
    else if (argv[i] === '--keep') a.keep = true;
  }
  return a;
}

function runsFor(size: number): number {
  return size <= 1000 ? 5 : size <= 10000 ? 3 : 1;
}

interface Commands {
  diff: boolean;
  markdown: boolean;
}

function detectCommands(): Commands {
  const help = spawnSync(process.execPath, [CLI, '--help'], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 30_000 }).stdout ?? '';
  const diff = /^\s+costdiff diff\b/m.test(help);
  const diffHelp = diff ? spawnSync(process.execPath, [CLI, 'diff', '--help'], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 30_000 }).stdout ?? '' : '';
  return { diff, markdown: /markdown/.test(diffHelp) };
}

// --- start-up ---------------------------------------------------------------------------------

/** ms to import a module in a fresh process, measured inside it (excludes node's own start-up). */
function importCost(specifier: string, n: number): number {
  const code = `const t=performance.now();await import(${JSON.stringify(specifier)});process.stdout.write(String(performance.now()-t))`;
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 30_000 });
    const ms = Number(r.stdout);
    if (r.status === 0 && Number.isFinite(ms)) xs.push(ms);
  }
  return median(xs);
}

/** Modules a CLI run loads, grouped by package (node_modules) or source folder. */
export function loadedModules(cliArgs: string[], traceFile: string): string[] {
  const hook = pathToFileURL(join(ROOT, 'dist', 'bench', 'module-trace.js')).href;
  spawnSync(process.execPath, ['--import', hook, CLI, ...cliArgs], {
    cwd: ROOT,
    env: cleanEnv({ COSTDIFF_MODULE_TRACE: traceFile, AWS_REGION: 'us-east-1' }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  const urls = existsSync(traceFile) ? readFileSync(traceFile, 'utf8').split('\n').filter(Boolean) : [];
  return [...new Set(urls)];
}

function groupModules(urls: string[]): [string, number][] {
  const groups = new Map<string, number>();
  for (const u of urls) {
    if (u.startsWith('node:')) continue;
    let key: string;
    const nm = u.lastIndexOf('/node_modules/');
    if (nm >= 0) {
      const rest = u.slice(nm + 14).split('/');
      key = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    } else {
      const d = u.indexOf('/dist/src/');
      const b = u.indexOf('/dist/bundle/');
      key =
        d >= 0 ? `src/${u.slice(d + 10).split('/').slice(0, -1).join('/') || '.'}`
        : b >= 0 ? `bundle/${u.slice(b + 13).split('/').slice(0, -1).join('/') || '.'}`
        : u.replace(/^.*\/(bin|dist)\//, '$1/');
    }
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

// --- plans ------------------------------------------------------------------------------------

interface SizeResult {
  size: number;
  mb: number;
  runs: number;
  floor: Series;
  breakdown: Series;
  diff?: Series;
  markdown?: Series;
  work?: WorkFloor;
}

function writePlan(dir: string, name: string, plan: unknown): { path: string; mb: number } {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(plan));
  return { path, mb: statSync(path).size / (1024 * 1024) };
}

function coverage(planPath: string, usagePath: string): string {
  const r = spawnSync(process.execPath, [CLI, 'breakdown', '--path', planPath, '--usage-file', usagePath, '--format', 'json'], {
    cwd: ROOT,
    env: cleanEnv(),
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  if (r.status !== 0) return `breakdown failed: ${(r.stderr ?? '').trim().split('\n')[0]}`;
  const doc = JSON.parse(r.stdout) as { projects: { resources: { monthlyCost: number | null; unpriced: unknown[]; type: string }[]; free: unknown[]; unsupported: unknown[] }[]; totalMonthlyCost: number };
  const p = doc.projects[0];
  const types = new Set(p.resources.map((x) => x.type));
  const fully = p.resources.filter((x) => x.monthlyCost !== null && x.unpriced.length === 0).length;
  const none = p.resources.filter((x) => x.monthlyCost === null).length;
  return `${p.resources.length} priced-type resources of ${types.size} types (${fully} fully priced, ${none} with no known cost), ${p.free.length} free, ${p.unsupported.length} unsupported; total $${doc.totalMonthlyCost}/month`;
}

// --- the work floor ---------------------------------------------------------------------------

/**
 * The native work a breakdown cannot skip, timed inside one process: read and parse the plan
 * (the floor's own work), read and checksum the pricing files (all of them: a 10k plan opens
 * ~600 of 680), and write a report the size of the breakdown's own with JSON.stringify. Not a
 * target, a yardstick: what is left of the breakdown's time above it is costdiff's own logic.
 */
const WORK_FLOOR_SCRIPT = `
const { readFileSync, writeFileSync } = require('fs');
const { createHash } = require('crypto');
const { join } = require('path');
const [plan, cache, report] = process.argv.slice(2);
const reportDoc = JSON.parse(readFileSync(report, 'utf8'));
let t = performance.now();
JSON.parse(readFileSync(plan, 'utf8'));
const planMs = performance.now() - t;
t = performance.now();
const manifest = JSON.parse(readFileSync(join(cache, 'manifest.json'), 'utf8'));
for (const rel of Object.keys(manifest.files)) {
  const bytes = readFileSync(join(cache, rel));
  createHash('sha256').update(bytes).digest('hex');
  bytes.toString('utf8');
}
const pricingMs = performance.now() - t;
t = performance.now();
writeFileSync('/dev/null', JSON.stringify(reportDoc, null, 2) + '\\n');
const reportMs = performance.now() - t;
process.stdout.write(JSON.stringify({ planMs, pricingMs, reportMs }));
`;

interface WorkFloor {
  planMs: number;
  pricingMs: number;
  reportMs: number;
}

function workFloor(dir: string, planPath: string, cacheDir: string, env: NodeJS.ProcessEnv, runs: number): WorkFloor | undefined {
  const script = join(dir, 'work-floor.cjs');
  writeFileSync(script, WORK_FLOOR_SCRIPT);
  const report = join(dir, 'work-floor-report.json');
  const b = spawnSync(process.execPath, [CLI, 'breakdown', '--path', planPath, '--format', 'json', '--out', report], { cwd: ROOT, env, encoding: 'utf8', timeout: 900_000 });
  if (b.status !== 0) return undefined;
  const samples: WorkFloor[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [script, planPath, cacheDir, report], { cwd: ROOT, env, encoding: 'utf8', timeout: 900_000, maxBuffer: 1024 * 1024 });
    if (r.status !== 0) return undefined;
    samples.push(JSON.parse(r.stdout) as WorkFloor);
  }
  rmSync(report, { force: true });
  return { planMs: median(samples.map((x) => x.planMs)), pricingMs: median(samples.map((x) => x.pricingMs)), reportMs: median(samples.map((x) => x.reportMs)) };
}

// --- main -------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'costdiff-bench-'));
  const env = cleanEnv();
  try {
    const cacheDir = join(ROOT, 'pricing-cache');
    const catalog = snapshotCatalog(cacheDir);
    const commands = detectCommands();
    console.log(`costdiff bench — node ${process.version}, ${catalog.regions.length} regions in the snapshot, commands: breakdown${commands.diff ? ', diff' : ''}${commands.markdown ? ' (markdown)' : ''}`);
    const missing = typesWithoutGenerator();
    if (missing.length) console.log(`note: no realistic attribute generator for ${missing.join(', ')} (they get name/tags only)`);

    // Start-up.
    console.log('\n## start-up');
    const onePlan = writePlan(dir, 'plan-1.json', generatePlan(new Rng(1), { resources: 1, catalog, pricedTypes: ['aws_instance'], mix: { priced: 1, free: 0, unsupported: 0 }, plannedValues: false }).plan);
    const nodeStart = series(['-e', '0'], 10, { warmup: true });
    const help = series([CLI, '--help'], 10, { warmup: true });
    const one = series([CLI, 'breakdown', '--path', onePlan.path, '--format', 'json', '--out', '/dev/null'], 10, { warmup: true, env });
    const oneUnbundled = series([UNBUNDLED_CLI, 'breakdown', '--path', onePlan.path, '--format', 'json', '--out', '/dev/null'], 10, { warmup: true, env });
    const yargsMs = importCost('yargs', 7);
    const tableMs = importCost('table', 7);
    const pipelineMs = importCost(pathToFileURL(join(ROOT, 'dist', 'src', 'pipeline.js')).href, 7);
    const cliModuleMs = importCost(pathToFileURL(join(ROOT, 'dist', 'src', 'cli', 'main.js')).href, 7);
    printTable(
      ['what', 'median', 'peak RSS'],
      [
        ['node -e 0 (node start-up)', fmtMs(nodeStart.medianMs), fmtMb(nodeStart.peakRssMb)],
        ['costdiff --help', help.failed ? `failed: ${help.failed}` : fmtMs(help.medianMs), fmtMb(help.peakRssMb)],
        ['costdiff breakdown, 1 resource, offline', fmtMs(one.medianMs), fmtMb(one.peakRssMb)],
        ['the same from unbundled dist/src modules (scripts/bundle.ts is why)', fmtMs(oneUnbundled.medianMs), fmtMb(oneUnbundled.peakRssMb)],
        ["import('yargs') (replaced by src/cli/args.ts; kept for comparison)", fmtMs(yargsMs), ''],
        ["import('table') (replaced by src/report/columns.ts; kept for comparison)", fmtMs(tableMs), ''],
        ['import of dist/src/pipeline.js, unbundled (input → estimate, every resource file)', fmtMs(pipelineMs), ''],
        ['import of dist/src/cli/main.js, unbundled (entry; commands load lazily)', fmtMs(cliModuleMs), ''],
      ],
    );
    for (const [label, cliArgs] of [
      ['--help', ['--help']],
      ['breakdown (1 resource, offline)', ['breakdown', '--path', onePlan.path, '--format', 'json', '--out', '/dev/null']],
    ] as const) {
      const urls = loadedModules([...cliArgs], join(dir, 'trace.txt'));
      const groups = groupModules(urls);
      const heavy = urls.filter((u) => /\/node_modules\/(@aws-sdk|@smithy|@octokit)\/|\/dist\/(src\/input\/hcl\/|bundle\/hcl\.js$)/.test(u));
      console.log(`modules loaded by ${label}: ${urls.length} — ${groups.map(([g, n]) => `${g} ${n}`).join(', ')}`);
      console.log(`  @aws-sdk/@smithy/@octokit/HCL parser: ${heavy.length ? heavy.length + ' LOADED' : 'none'}`);
    }

    // Sizes.
    const results: SizeResult[] = [];
    const floorScript = join(dir, 'floor.cjs');
    writeFileSync(floorScript, "JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));\n");
    let profilePlan: string | undefined;
    for (const size of args.sizes) {
      const t0 = performance.now();
      const rng = new Rng(42 + size);
      const gen = generatePlan(rng, { resources: size, catalog });
      const plan = writePlan(dir, `plan-${size}.json`, gen.plan);
      const mixed = commands.diff ? writePlan(dir, `mixed-${size}.json`, generatePlan(new Rng(7 + size), { resources: size, catalog, actions: 'mixed' }).plan) : undefined;
      console.log(`\n## ${size} resources: plan ${plan.mb.toFixed(1)} MB${mixed ? `, mixed-action plan ${mixed.mb.toFixed(1)} MB` : ''} (generated in ${fmtMs(performance.now() - t0)})`);
      if (size === 1000) {
        const usagePath = join(dir, 'usage-1000.yml');
        writeFileSync(usagePath, usageYaml(generateUsage(new Rng(5), gen.addresses, catalog.regions)));
        console.log(`coverage (with a generated usage file): ${coverage(plan.path, usagePath)}`);
      }
      if (size === 10000) profilePlan = plan.path;
      const n = runsFor(size);
      const timeoutMs = 900_000;
      const floor = series([floorScript, plan.path], n, { warmup: true, timeoutMs });
      const breakdown = series([CLI, 'breakdown', '--path', plan.path, '--format', 'json', '--out', '/dev/null'], n, { warmup: size <= 10000, timeoutMs, env });
      const r: SizeResult = { size, mb: plan.mb, runs: n, floor, breakdown };
      // Only where a run opens most pricing files, as the work floor reads them all.
      if (size === 10000) r.work = workFloor(dir, plan.path, cacheDir, env, n);
      if (mixed) {
        r.diff = series([CLI, 'diff', '--path', mixed.path, '--format', 'json', '--out', '/dev/null'], n, { timeoutMs, env });
        if (commands.markdown) r.markdown = series([CLI, 'diff', '--path', mixed.path, '--format', 'markdown', '--out', '/dev/null'], n, { timeoutMs, env });
      }
      results.push(r);
      const show = (label: string, s: Series | undefined) =>
        s && console.log(`${label.padEnd(22)} ${s.failed ? `FAILED ${s.failed}` : `median ${fmtMs(s.medianMs)} (min ${fmtMs(s.minMs)}, max ${fmtMs(s.maxMs)}, n=${s.runs}), peak ${fmtMb(s.peakRssMb)}`}`);
      show('floor (node+JSON.parse)', floor);
      show('breakdown --format json', breakdown);
      show('diff --format json', r.diff);
      show('diff --format markdown', r.markdown);
      if (r.work) {
        const total = nodeStart.medianMs + r.work.planMs + r.work.pricingMs + r.work.reportMs;
        console.log(
          `work floor             ${fmtMs(total)} = node ${fmtMs(nodeStart.medianMs)} + plan ${fmtMs(r.work.planMs)} + pricing files ${fmtMs(r.work.pricingMs)} + report ${fmtMs(r.work.reportMs)}; ` +
            `breakdown is ${(breakdown.medianMs / total).toFixed(2)}× it, ${fmtMs(breakdown.medianMs - total)} above it`,
        );
      }
    }

    // Profile of the 10k breakdown.
    if (args.profile && profilePlan) {
      console.log('\n## CPU profile: breakdown of 10k resources (self time)');
      const profDir = join(dir, 'prof');
      mkdirSync(profDir, { recursive: true });
      measure(['--cpu-prof', '--cpu-prof-dir', profDir, UNBUNDLED_CLI, 'breakdown', '--path', profilePlan, '--format', 'json', '--out', '/dev/null'], { env, timeoutMs: 900_000 });
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (file) {
        const { byFunction, byFile, totalMs } = selfTimes(join(profDir, file));
        console.log(`profiled ${fmtMs(totalMs)}`);
        printTable(['function', 'where', 'self', '%'], byFunction.slice(0, 20).map((e) => [e.name, e.where, fmtMs(e.ms), e.percent.toFixed(1)]));
        console.log('');
        printTable(['file', 'self', '%'], byFile.slice(0, 12).map((e) => [e.name, fmtMs(e.ms), e.percent.toFixed(1)]));
        console.log('');
        printTable(['stage (inclusive)', 'time', '%'], stageTimes(join(profDir, file), PIPELINE_STAGES).map((s) => [s.name, fmtMs(s.ms), s.percent.toFixed(1)]));
      }
    }

    // HCL throughput, from the HCL engineer's benchmark.
    let hclMbps: number | undefined;
    const hclBench = join(ROOT, 'dist', 'bench', 'hcl', 'run.js');
    if (args.hcl && existsSync(hclBench)) {
      console.log('\n## HCL (bench/hcl/run.js)');
      const r = spawnSync(process.execPath, [hclBench], { cwd: ROOT, env, encoding: 'utf8', timeout: 600_000 });
      process.stdout.write(r.stdout ?? '');
      if (r.status !== 0) console.log(`bench/hcl/run.js failed (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n')[0]}`);
      // The slowest MB/s figure it prints (parse + evaluate) is the one a user sees.
      const figures = [...(r.stdout ?? '').matchAll(/([\d.]+)\s*MB\/s/g)].map((m) => Number(m[1]));
      if (figures.length) hclMbps = Math.min(...figures);
    }

    // Summary against the targets.
    console.log('\n## summary');
    const by = (n: number) => results.find((r) => r.size === n);
    const rows: string[][] = [];
    const verdict = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'ok' : 'OVER');
    for (const r of results) {
      const ratio = r.breakdown.medianMs / r.floor.medianMs;
      rows.push([
        `${r.size}`,
        `${r.mb.toFixed(1)} MB`,
        fmtMs(r.breakdown.medianMs),
        fmtMs(r.floor.medianMs),
        Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—',
        fmtMb(r.breakdown.peakRssMb),
        fmtMs(r.diff?.medianMs),
        fmtMs(r.markdown?.medianMs),
      ]);
    }
    printTable(['resources', 'plan', 'breakdown', 'floor', 'ratio', 'peak RSS', 'diff', 'markdown'], rows);
    console.log('');
    const r50 = by(50);
    const r10k = by(10000);
    const ratio10k = r10k ? r10k.breakdown.medianMs / r10k.floor.medianMs : undefined;
    printTable(
      ['target', 'measured', 'verdict'],
      [
        ['50 resources < 150 ms wall', fmtMs(r50?.breakdown.medianMs), verdict(r50 && r50.breakdown.medianMs < 150)],
        ['10k resources < 1.5 s wall', fmtMs(r10k?.breakdown.medianMs), verdict(r10k && r10k.breakdown.medianMs < 1500)],
        ['10k resources ≤ 2.5× floor', ratio10k !== undefined ? `${ratio10k.toFixed(2)}×` : '—', verdict(ratio10k !== undefined ? ratio10k <= 2.5 : undefined)],
        ['10k resources < 300 MB peak', fmtMb(r10k?.breakdown.peakRssMb), verdict(r10k?.breakdown.peakRssMb !== undefined ? r10k.breakdown.peakRssMb < 300 : undefined)],
        ['HCL ≥ 5 MB/s', hclMbps !== undefined ? `${hclMbps} MB/s` : '—', verdict(hclMbps !== undefined ? hclMbps >= 5 : undefined)],
        ['(start-up) --help', fmtMs(help.medianMs), `node alone ${fmtMs(nodeStart.medianMs)}, yargs import ${fmtMs(yargsMs)}`],
        ...(r10k?.work
          ? [['(context) 10k work floor', fmtMs(nodeStart.medianMs + r10k.work.planMs + r10k.work.pricingMs + r10k.work.reportMs), `${((nodeStart.medianMs + r10k.work.planMs + r10k.work.pricingMs + r10k.work.reportMs) / r10k.floor.medianMs).toFixed(2)}× the floor before any of costdiff's own logic`]]
          : []),
      ],
    );
  } finally {
    if (args.keep) console.log(`\nkept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
