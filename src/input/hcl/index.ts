/**
 * The `.tf` directory input: reads a root module (and the local or downloaded modules it calls),
 * evaluates it like `terraform plan` would before anything exists, and returns the resource
 * instances it would create. Values only known after apply are UNKNOWN.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { UserError } from '../../core/errors.js';
import type { Project } from '../types.js';
import { HclConfigError, type SourceFile } from './ast.js';
import { constResolver, evaluate } from './eval.js';
import { setKey } from './functions.js';
import { parseHclFile } from './parser.js';
import { ModuleInstance, Run, type RootInput } from './module.js';
import type { ObjectValue, Value } from './values.js';

export { discoverRootModules } from './discover.js';

export interface HclReadOptions {
  /** --terraform-var-file, in the order given. */
  varFiles: string[];
  /** --terraform-var k=v. */
  vars: Record<string, string>;
  env: NodeJS.ProcessEnv;
  /** --region: used when neither a provider block nor the environment gives a region. */
  regionFlag?: string;
  projectName?: string;
}

export interface HclReadStats {
  /** Bytes of configuration read (.tf, .tf.json, tfvars). */
  bytes: number;
}

function displayPath(dirAsGiven: string, rootAbs: string): (abs: string) => string {
  return (abs) => {
    const rel = nodePath.relative(rootAbs, abs);
    return nodePath.join(dirAsGiven, rel).split(nodePath.sep).join('/');
  };
}

function fromJson(x: unknown): Value {
  if (x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
  if (Array.isArray(x)) return x.map(fromJson);
  const o: ObjectValue = {};
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) setKey(o, k, fromJson(v));
  return o;
}

/** Reads one tfvars file (HCL or JSON) into `inputs`, later files overriding earlier ones. */
function readVarFile(abs: string, shown: string, rootAbs: string, inputs: Map<string, RootInput>, stats: HclReadStats): void {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    throw new UserError(`cannot read variables file ${shown}`);
  }
  stats.bytes += Buffer.byteLength(text);
  const file: SourceFile = { path: shown, text };
  if (abs.endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new UserError(`${shown}: invalid JSON: ${(err as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UserError(`${shown}: expected a JSON object of variable values`);
    for (const [k, v] of Object.entries(parsed)) inputs.set(k, { value: fromJson(v) });
    return;
  }
  const body = parseHclFile(file);
  if (body.blocks.length > 0) throw new HclConfigError(file, body.blocks[0].p, 'a variables file can only set values (name = value), not blocks');
  const r = constResolver(rootAbs, 'a variables file');
  for (const [name, attr] of body.attrs) inputs.set(name, { value: evaluate(attr.expr, { file, r, vars: null }) });
}

function installedModules(rootAbs: string): Map<string, string> | null {
  const p = nodePath.join(rootAbs, '.terraform', 'modules', 'modules.json');
  if (!existsSync(p)) return null;
  try {
    const j = JSON.parse(readFileSync(p, 'utf8')) as { Modules?: Array<{ Key?: string; Source?: string; Dir?: string }> };
    const out = new Map<string, string>();
    for (const m of j.Modules ?? []) {
      if (m.Key && m.Dir) out.set(m.Key, nodePath.resolve(rootAbs, m.Dir));
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * Evaluates the root module in `dir` and returns it as one project. Throws UserError for
 * syntax errors, unknown functions, reference cycles and invalid regions, with file:line:col.
 */
export async function readTerraformDirectory(dir: string, options: HclReadOptions, stats?: HclReadStats): Promise<Project[]> {
  try {
    return read(dir, options, stats);
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new UserError(`${dir}: the configuration is nested too deeply to evaluate`);
    }
    throw err;
  }
}

function read(dir: string, options: HclReadOptions, stats?: HclReadStats): Project[] {
  const rootAbs = nodePath.resolve(dir);
  if (!existsSync(rootAbs) || !statSync(rootAbs).isDirectory()) throw new UserError(`${dir} is not a directory`);
  const st: HclReadStats = stats ?? { bytes: 0 };
  const display = displayPath(dir, rootAbs);

  // Variable values, lowest precedence first.
  const inputs = new Map<string, RootInput>();
  for (const [k, v] of Object.entries(options.env)) {
    if (k.startsWith('TF_VAR_') && v !== undefined) inputs.set(k.slice(7), { raw: v, from: `TF_VAR_${k.slice(7)}` });
  }
  const names = readdirSync(rootAbs);
  for (const f of ['terraform.tfvars', 'terraform.tfvars.json']) {
    if (names.includes(f)) readVarFile(nodePath.join(rootAbs, f), display(nodePath.join(rootAbs, f)), rootAbs, inputs, st);
  }
  for (const f of names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort()) {
    readVarFile(nodePath.join(rootAbs, f), display(nodePath.join(rootAbs, f)), rootAbs, inputs, st);
  }
  for (const f of options.varFiles) readVarFile(nodePath.resolve(f), f, rootAbs, inputs, st);
  for (const [k, v] of Object.entries(options.vars)) inputs.set(k, { raw: v, from: `-var ${k}` });

  const run = new Run({
    rootDir: rootAbs,
    load: { display, onRead: (n) => (st.bytes += n) },
    env: options.env,
    regionFlag: options.regionFlag,
    installed: installedModules(rootAbs),
  });
  const cfg = run.config(rootAbs);
  if (cfg.files.length === 0) throw new UserError(`${dir} contains no Terraform configuration (.tf) files`);
  for (const name of inputs.keys()) {
    const explicit = Object.hasOwn(options.vars, name);
    if (explicit && !cfg.variables.has(name)) run.warnings.add(`-var ${name}: the root module declares no variable "${name}"; ignored`);
  }

  const root = new ModuleInstance({ run, cfg, prefix: '', callPath: '', rootInputs: inputs, ancestry: [rootAbs] });
  // Instantiate the whole module tree (run.instances grows while we walk it).
  for (let i = 0; i < run.instances.length; i++) run.instances[i].expandCalls();
  const resources = run.instances.flatMap((m) => m.resourceChanges());
  for (const m of run.instances) m.validateProviders();
  resources.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const region = root.defaultRegion();

  return [
    {
      name: options.projectName ?? dir,
      path: dir,
      region: region.region,
      resources,
      warnings: [...run.warnings],
    },
  ];
}
