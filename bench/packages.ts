/**
 * Why the CLI does not use yargs and the reports do not use `table`, both named on the design
 * card: this measures, in fresh node processes, what each costs against the replacement that
 * ships (src/cli/args.ts on node:util parseArgs; src/report/columns.ts). Run after a build:
 *
 *   node dist/bench/packages.js [runs]
 *
 * yargs and table stay as devDependencies only so that this comparison can be re-run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const runs = Number(process.argv[2] ?? 15);
// Probes live inside the package so that they resolve its node_modules.
const dir = join(root, 'dist', 'bench-probes');
mkdirSync(dir, { recursive: true });

/** Each probe prints the milliseconds its measured part took, in a fresh process. */
const probes: Record<string, string> = {
  'node start-up (empty script)': `console.log(0)`,
  'import yargs + parse a breakdown command line': `
    const t = performance.now();
    const { default: yargs } = await import('yargs');
    await yargs(['breakdown', '--path', 'p.json', '--format', 'json']).command('breakdown', 'x', (y) => y.option('path', { type: 'string' }).option('format', { choices: ['table', 'json'] }), () => {}).parseAsync();
    console.log(performance.now() - t);`,
  'costdiff parser (args.ts) + the same command line': `
    const t = performance.now();
    const { parseCommandLine } = await import(${JSON.stringify(join(root, 'dist/src/cli/args.js'))});
    const { program } = await import(${JSON.stringify(join(root, 'dist/src/cli/program.js'))});
    parseCommandLine(program('0'), ['breakdown', '--path', 'p.json', '--format', 'json']);
    console.log(performance.now() - t);`,
  'import table + render 40 rows × 5 columns': `
    const rows = Array.from({ length: 40 }, (_, i) => ['aws_instance.web[' + i + ']', '730', 'hours', '$0.096 per hour', '$70.08']);
    const t = performance.now();
    const { table, getBorderCharacters } = await import('table');
    table(rows, { border: getBorderCharacters('void'), columnDefault: { paddingLeft: 0, paddingRight: 2 }, drawHorizontalLine: () => false });
    console.log(performance.now() - t);`,
  'columns.ts + the same rows': `
    const rows = Array.from({ length: 40 }, (_, i) => ['aws_instance.web[' + i + ']', '730', 'hours', '$0.096 per hour', '$70.08']);
    const t = performance.now();
    const { renderColumns } = await import(${JSON.stringify(join(root, 'dist/src/report/columns.js'))});
    renderColumns(rows, ['left', 'right', 'left', 'left', 'right']);
    console.log(performance.now() - t);`,
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log(`CLI packages, median of ${runs} fresh processes (ms)`);
for (const [name, code] of Object.entries(probes)) {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.mjs`);
  writeFileSync(file, code);
  const inProcess: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const out = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    inProcess.push(Number(out.trim()));
  }
  console.log(`  ${name.padEnd(48)} in process ${median(inProcess).toFixed(1).padStart(6)}   wall ${median(wall).toFixed(1).padStart(6)}`);
}
