/**
 * Evaluation of a module tree: one ModuleInstance per module call instance, each answering the
 * references of its own expressions lazily (memoized, with cycle detection), and the resource
 * instances it declares turned into ResourceChanges.
 */
import { existsSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { UserError } from '../../core/errors.js';
import { isKnownRegion } from '../../core/regions.js';
import { UNKNOWN, type Attributes, type RegionSource, type ResourceChange } from '../types.js';
import { HclConfigError, HclEvalError, location, type Block, type Body, type Expr, type SourceFile } from './ast.js';
import { loadModule, type LoadOptions, type ModuleCallDecl, type ModuleConfig, type ResourceDecl, type VariableDecl } from './config.js';
import { bind, constResolver, evaluate, type Resolver, type Scope } from './eval.js';
import { setKey } from './functions.js';
import { parseHclExpression } from './parser.js';
import { collectReferences } from './refs.js';
import {
  FnError,
  UNKNOWN_RESULT,
  convertToType,
  isObject,
  isStringType,
  openObject,
  sortedKeys,
  toNum,
  toStr,
  typeName,
  type ObjectValue,
  type Value,
} from './values.js';

export const MAX_INSTANCES = 100_000;
const MAX_STEPS = 10_000_000;
const MAX_MODULE_DEPTH = 32;
const MAX_REFERENCE_DEPTH = 400;

export interface RegionInfo {
  region: string;
  source: RegionSource;
}

/** A root variable value before conversion: a value, or a string from -var / TF_VAR_. */
export type RootInput = { value: Value } | { raw: string; from: string };

export interface RunOptions {
  rootDir: string;
  load: LoadOptions;
  env: NodeJS.ProcessEnv;
  regionFlag?: string;
  /** modules.json entries: module key ("app.db") → absolute directory. */
  installed: Map<string, string> | null;
}

const RESOURCE_META_ATTRS = new Set(['count', 'for_each', 'provider', 'depends_on']);
const RESOURCE_META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);
const MODULE_META_ATTRS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

interface Memo<T> {
  state: 1 | 2 | 3;
  value?: T;
  error?: unknown;
}

interface Instance {
  key: number | string | undefined;
  values: ObjectValue;
}

interface ResourceResult {
  instances: Instance[] | null;
  value: Value;
}

type CallResult =
  | { kind: 'missing' | 'unknown' }
  | { kind: 'single'; inst: ModuleInstance }
  | { kind: 'list'; insts: ModuleInstance[] }
  | { kind: 'map'; insts: Map<string, ModuleInstance> };

export class Run {
  readonly opts: RunOptions;
  readonly warnings = new Set<string>();
  readonly stack: string[] = [];
  readonly instances: ModuleInstance[] = [];
  private steps = 0;
  private readonly configs = new Map<string, ModuleConfig>();
  private fallbackRegion?: RegionInfo;

  constructor(opts: RunOptions) {
    this.opts = opts;
  }

  spend(n: number): void {
    this.steps += n;
    if (this.steps > MAX_STEPS) throw new FnError(`evaluation is too large (more than ${MAX_STEPS} steps); check count, for_each and range() values`);
  }

  config(dir: string): ModuleConfig {
    let cfg = this.configs.get(dir);
    if (!cfg) {
      cfg = loadModule(dir, this.opts.load);
      this.configs.set(dir, cfg);
    }
    return cfg;
  }

  /** The region when no provider block gives one: environment, then --region, then us-east-1. */
  fallback(): RegionInfo {
    if (this.fallbackRegion) return this.fallbackRegion;
    const env = this.opts.env;
    let r: RegionInfo;
    const fromEnv = env.AWS_REGION ? ['AWS_REGION', env.AWS_REGION] : env.AWS_DEFAULT_REGION ? ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION] : null;
    if (fromEnv) {
      if (!isKnownRegion(fromEnv[1])) throw new UserError(`${fromEnv[0]} is "${fromEnv[1]}", which is not a known AWS region`);
      r = { region: fromEnv[1], source: 'environment' };
    } else if (this.opts.regionFlag) {
      if (!isKnownRegion(this.opts.regionFlag)) throw new UserError(`--region "${this.opts.regionFlag}" is not a known AWS region`);
      r = { region: this.opts.regionFlag, source: 'flag' };
    } else {
      r = { region: 'us-east-1', source: 'default' };
      this.warnings.add('no AWS region is set by a provider block, AWS_REGION, AWS_DEFAULT_REGION or --region; using us-east-1');
    }
    this.fallbackRegion = r;
    return r;
  }
}

function keyString(k: number | string | undefined): string {
  if (k === undefined) return '';
  return typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`;
}

function unwrapParen(e: Expr): Expr {
  while (e.k === 'paren') e = e.e;
  return e;
}

/** `aws`, `aws.west` or "aws.west" as a provider configuration key; null if not of that shape. */
export function providerKey(e: Expr): string | null {
  e = unwrapParen(e);
  if (e.k === 'root') return e.name;
  if (e.k === 'attr' && e.obj.k === 'root') return `${e.obj.name}.${e.name}`;
  if (e.k === 'lit' && typeof e.v === 'string' && /^[\w-]+(\.[\w-]+)?$/.test(e.v)) return e.v;
  return null;
}

export class ModuleInstance implements Resolver {
  readonly run: Run;
  readonly cfg: ModuleConfig;
  /** Address prefix: "" for the root, module.app, module.app["x"].module.db. */
  readonly prefix: string;
  /** Call path without keys, as modules.json keys it: "", "app", "app.db". */
  readonly callPath: string;
  readonly baseDir: string;
  private readonly inputs: Map<string, () => Value>;
  private readonly rootInputs: Map<string, RootInput> | null;
  private readonly providers = new Map<string, () => RegionInfo>();
  /** Memo tables per namespace, keyed by name (or declaration), so lookups build no strings. */
  private readonly memos = {
    var: new Map<string, Memo<unknown>>(),
    local: new Map<string, Memo<unknown>>(),
    output: new Map<string, Memo<unknown>>(),
    module: new Map<string, Memo<unknown>>(),
    resource: new Map<string, Memo<unknown>>(),
  };
  private readonly ancestry: string[];

  constructor(args: {
    run: Run;
    cfg: ModuleConfig;
    prefix: string;
    callPath: string;
    inputs?: Map<string, () => Value>;
    rootInputs?: Map<string, RootInput>;
    providers?: Map<string, () => RegionInfo>;
    ancestry: string[];
  }) {
    this.run = args.run;
    this.cfg = args.cfg;
    this.prefix = args.prefix;
    this.callPath = args.callPath;
    this.baseDir = args.run.opts.rootDir;
    this.inputs = args.inputs ?? new Map();
    this.rootInputs = args.rootInputs ?? null;
    this.ancestry = args.ancestry;
    for (const [k, v] of args.providers ?? []) this.providers.set(k, v);
    for (const p of this.cfg.providers) {
      const key = p.alias ? `${p.name}.${p.alias}` : p.name;
      let cached: RegionInfo | undefined;
      this.providers.set(key, () => (cached ??= this.providerRegion(p.name, p.alias, p.block)));
    }
    args.run.instances.push(this);
  }

  spend(n: number): void {
    this.run.spend(n);
  }

  private label(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name;
  }

  private scope(file: SourceFile): Scope {
    return { file, r: this, vars: null };
  }

  /** Evaluates once; a second request while the first is running is a cycle. */
  private memo<T>(kind: keyof ModuleInstance['memos'], name: string, file: SourceFile, pos: number, compute: () => T): T {
    const table = this.memos[kind];
    const m = table.get(name) as Memo<T> | undefined;
    const key = (): string => (kind === 'resource' ? name : `${kind}.${name}`);
    if (m) {
      if (m.state === 2) return m.value as T;
      if (m.state === 3) throw m.error;
      const label = this.label(key());
      const start = this.run.stack.indexOf(label);
      const chain = [...this.run.stack.slice(start < 0 ? 0 : start), label].join(' → ');
      throw new HclConfigError(file, pos, `reference cycle: ${chain}`);
    }
    if (this.run.stack.length > MAX_REFERENCE_DEPTH) {
      throw new HclConfigError(file, pos, `references are nested more than ${MAX_REFERENCE_DEPTH} deep (${this.label(key())})`);
    }
    const entry: Memo<T> = { state: 1 };
    table.set(name, entry);
    this.run.stack.push(this.label(key()));
    try {
      const v = compute();
      entry.state = 2;
      entry.value = v;
      return v;
    } catch (err) {
      entry.state = 3;
      entry.error = err;
      throw err;
    } finally {
      this.run.stack.pop();
    }
  }

  // --- references ------------------------------------------------------------------------------

  ref(root: string, name: string, node: Expr, s: Scope): Value {
    switch (root) {
      case 'var':
        return this.variable(name, node, s);
      case 'local':
        return this.local(name, node, s);
      case 'module':
        return this.moduleValue(name, node, s);
      case 'path':
        if (name === 'module') return nodePath.relative(this.run.opts.rootDir, this.cfg.dir).split(nodePath.sep).join('/') || '.';
        if (name === 'root') return '.';
        if (name === 'cwd') return this.run.opts.rootDir.split(nodePath.sep).join('/');
        throw new HclConfigError(s.file, node.p, `invalid reference path.${name}: use path.module, path.root or path.cwd`);
      case 'terraform':
        if (name === 'workspace') return 'default';
        throw new HclConfigError(s.file, node.p, `invalid reference terraform.${name}`);
      case 'self':
        return UNKNOWN;
      case 'data':
      case 'ephemeral':
        // Data sources and ephemeral resources are read during apply: nothing about them is known.
        return UNKNOWN;
      default:
        return this.resourceValue(root, name, node, s);
    }
  }

  data(type: string, name: string, node: Expr, s: Scope): Value {
    if (!this.cfg.data.has(`${type}.${name}`)) {
      throw new HclConfigError(s.file, node.p, `reference to undeclared data source data.${type}.${name}`);
    }
    return UNKNOWN;
  }

  moduleOutput(name: string, output: string, node: Expr, s: Scope): Value {
    const call = this.moduleCall(name, node, s);
    if (call.kind === 'missing' || call.kind === 'unknown') return UNKNOWN;
    if (call.kind !== 'single') {
      throw new HclEvalError(s.file, node.p, `module.${name} has count or for_each: use an index, like module.${name}[0].${output}`);
    }
    return call.inst.output(output, node, s);
  }

  private variable(name: string, node: Expr, s: Scope): Value {
    const decl = this.cfg.variables.get(name);
    if (!decl) throw new HclConfigError(s.file, node.p, `reference to undeclared input variable "${name}"`);
    return this.memo('var', name, decl.block.file, decl.block.p, () => this.variableValue(decl));
  }

  private variableValue(decl: VariableDecl): Value {
    const { name } = decl;
    let v: Value | undefined;
    if (this.rootInputs) {
      const input = this.rootInputs.get(name);
      if (input && 'raw' in input) {
        if (isStringType(decl.type)) v = input.raw;
        else {
          const file: SourceFile = { path: input.from, text: input.raw };
          v = evaluate(parseHclExpression(file), { file, r: constResolver(this.baseDir, input.from), vars: null });
        }
      } else if (input) v = input.value;
    } else {
      const thunk = this.inputs.get(name);
      if (thunk) v = thunk();
    }
    if (v === undefined || (v === null && !decl.nullable)) {
      if (decl.default) {
        const file = decl.default.file;
        v = evaluate(decl.default.expr, { file, r: constResolver(this.baseDir, `the default of variable "${name}"`), vars: null });
      } else if (v === undefined) {
        if (this.rootInputs) {
          this.run.warnings.add(`variable "${name}" has no value (no default, tfvars, -var or TF_VAR_${name}); values that depend on it are unknown`);
          return UNKNOWN;
        }
        const call = this.prefix;
        throw new HclConfigError(decl.block.file, decl.block.p, `${call}: the required variable "${name}" is not set by the module call`);
      }
    }
    const constScope = { file: decl.block.file, r: constResolver(this.baseDir, 'a type default'), vars: null };
    return convertToType(v, decl.type, (e) => evaluate(e, constScope));
  }

  private local(name: string, node: Expr, s: Scope): Value {
    const attr = this.cfg.locals.get(name);
    if (!attr) throw new HclConfigError(s.file, node.p, `reference to undeclared local value "${name}"`);
    return this.memo('local', name, attr.file, attr.p, () => evaluate(attr.expr, this.scope(attr.file)));
  }

  output(name: string, node: Expr, s: Scope): Value {
    const attr = this.cfg.outputs.get(name);
    if (!attr) throw new HclConfigError(s.file, node.p, `module ${this.prefix} has no output "${name}"`);
    return this.memo('output', name, attr.file, attr.p, () => evaluate(attr.expr, this.scope(attr.file)));
  }

  private allOutputs(node: Expr, s: Scope): ObjectValue {
    const o: ObjectValue = {};
    for (const name of this.cfg.outputs.keys()) setKey(o, name, this.output(name, node, s));
    return o;
  }

  // --- resources -------------------------------------------------------------------------------

  private resourceValue(type: string, name: string, node: Expr, s: Scope): Value {
    const decl = this.cfg.resourcesByType.get(type)?.get(name);
    if (!decl) {
      const key = `${type}.${name}`;
      throw new HclConfigError(s.file, node.p, `reference to undeclared resource ${key}${this.cfg.data.has(key) ? ` (did you mean data.${key}?)` : ''}`);
    }
    return this.resource(decl).value;
  }

  resource(decl: ResourceDecl): ResourceResult {
    return this.memo('resource', decl.key, decl.block.file, decl.block.p, () => this.evalResource(decl));
  }

  private evalResource(decl: ResourceDecl): ResourceResult {
    const { block } = decl;
    const base = this.scope(block.file);
    const address = this.label(`${decl.type}.${decl.name}`);
    const expand = this.expansion(block, base, address);
    if (expand === null) return { instances: null, value: UNKNOWN };
    const instances: Instance[] = [];
    for (const e of expand.items) {
      const scope: Scope = e.each ? { ...base, each: e.each } : e.count !== undefined ? { ...base, count: e.count } : base;
      instances.push({ key: e.key, values: this.evalBody(block.body, scope, true) });
    }
    let value: Value;
    if (expand.mode === 'count') value = instances.map((i) => i.values);
    else if (expand.mode === 'for_each') {
      const o: ObjectValue = {};
      for (const i of instances) setKey(o, String(i.key), i.values);
      value = o;
    } else value = instances[0].values;
    return { instances, value };
  }

  /**
   * The instances a count or for_each gives, or null (with a warning) when it is unknown:
   * then the resource's cost cannot be known and nothing is emitted for it.
   */
  private expansion(
    block: Block,
    base: Scope,
    address: string,
  ): { mode: 'single' | 'count' | 'for_each'; items: Array<{ key: number | string | undefined; count?: number; each?: { key: Value; value: Value } }> } | null {
    const countAttr = block.body.attrs.get('count');
    const forEachAttr = block.body.attrs.get('for_each');
    if (countAttr && forEachAttr) throw new HclConfigError(countAttr.file, countAttr.p, `${address}: count and for_each cannot both be set`);
    if (countAttr) {
      const v = evaluate(countAttr.expr, { ...base, file: countAttr.file });
      if (v === UNKNOWN) {
        this.run.warnings.add(`${address}: count is not known until apply, so its instances (and their cost) are not included`);
        return null;
      }
      let n: number;
      try {
        if (v === null) throw new FnError('count is null');
        n = toNum(v, 'count');
      } catch (err) {
        if (err === UNKNOWN_RESULT) return null;
        throw new HclEvalError(countAttr.file, countAttr.expr.p, (err as Error).message);
      }
      if (!Number.isInteger(n) || n < 0) throw new HclEvalError(countAttr.file, countAttr.expr.p, `count must be a whole number ≥ 0, got ${n}`);
      if (n > MAX_INSTANCES) throw new HclConfigError(countAttr.file, countAttr.expr.p, `count is ${n}, more than the ${MAX_INSTANCES} instances costdiff evaluates`);
      this.spend(n);
      return { mode: 'count', items: Array.from({ length: n }, (_, i) => ({ key: i, count: i })) };
    }
    if (forEachAttr) {
      const v = evaluate(forEachAttr.expr, { ...base, file: forEachAttr.file });
      const unknown = (): null => {
        this.run.warnings.add(`${address}: for_each is not known until apply, so its instances (and their cost) are not included`);
        return null;
      };
      if (v === UNKNOWN) return unknown();
      const items: Array<{ key: string; each: { key: Value; value: Value } }> = [];
      if (isObject(v)) {
        for (const k of sortedKeys(v)) items.push({ key: k, each: { key: k, value: v[k] } });
      } else if (Array.isArray(v)) {
        const seen = new Set<string>();
        for (const x of v) {
          if (x === UNKNOWN) return unknown();
          if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') {
            throw new HclEvalError(forEachAttr.file, forEachAttr.expr.p, `for_each must be a map or a set of strings; it contains a ${typeName(x)}`);
          }
          const k = toStr(x);
          if (!seen.has(k)) {
            seen.add(k);
            items.push({ key: k, each: { key: k, value: k } });
          }
        }
        items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      } else {
        throw new HclEvalError(forEachAttr.file, forEachAttr.expr.p, `for_each must be a map or a set of strings, got ${typeName(v)}`);
      }
      if (items.length > MAX_INSTANCES) throw new HclConfigError(forEachAttr.file, forEachAttr.p, `for_each has ${items.length} elements, more than the ${MAX_INSTANCES} instances costdiff evaluates`);
      this.spend(items.length);
      return { mode: 'for_each', items };
    }
    return { mode: 'single', items: [{ key: undefined }] };
  }

  /** Attribute values of a resource (or nested block): nested blocks become lists of objects. */
  private evalBody(body: Body, scope: Scope, resource: boolean): ObjectValue {
    const out: ObjectValue = openObject();
    for (const [name, attr] of body.attrs) {
      if (resource && RESOURCE_META_ATTRS.has(name)) continue;
      const v = evaluate(attr.expr, scope.file === attr.file ? scope : { ...scope, file: attr.file });
      // null means "not set", as in Terraform: the attribute is left out (and reads as computed).
      if (v !== null) setKey(out, name, v);
    }
    for (const b of body.blocks) {
      if (resource && RESOURCE_META_BLOCKS.has(b.type)) continue;
      if (b.type === 'dynamic') this.expandDynamic(b, scope, out);
      else pushBlock(out, b.type, this.evalBody(b.body, scope, false));
    }
    return out;
  }

  private expandDynamic(b: Block, scope: Scope, out: ObjectValue): void {
    const name = b.labels[0];
    if (!name) throw new HclConfigError(b.file, b.p, 'a dynamic block needs a label: the type of the blocks it generates');
    const fe = b.body.attrs.get('for_each');
    if (!fe) throw new HclConfigError(b.file, b.p, `dynamic "${name}" has no for_each`);
    const content = b.body.blocks.find((x) => x.type === 'content');
    if (!content) throw new HclConfigError(b.file, b.p, `dynamic "${name}" has no content block`);
    const itAttr = b.body.attrs.get('iterator');
    let iterator = name;
    if (itAttr) {
      const e = unwrapParen(itAttr.expr);
      if (e.k !== 'root') throw new HclConfigError(itAttr.file, itAttr.p, 'iterator must be a plain name');
      iterator = e.name;
    }
    const coll = evaluate(fe.expr, scope);
    if (coll === UNKNOWN) {
      out[name] = UNKNOWN;
      return;
    }
    let pairs: Array<[Value, Value]>;
    if (Array.isArray(coll)) pairs = coll.map((v, i) => [i, v]);
    else if (isObject(coll)) pairs = sortedKeys(coll).map((k) => [k, coll[k]]);
    else if (coll === null) throw new HclEvalError(fe.file, fe.expr.p, `the for_each of dynamic "${name}" is null`);
    else throw new HclEvalError(fe.file, fe.expr.p, `the for_each of dynamic "${name}" must be a list, set or map, got ${typeName(coll)}`);
    this.spend(pairs.length);
    for (const [k, v] of pairs) {
      const it: ObjectValue = { key: k, value: v };
      pushBlock(out, name, this.evalBody(content.body, bind(scope, iterator, it), false));
    }
  }

  // --- module calls ------------------------------------------------------------------------------

  private moduleValue(name: string, node: Expr, s: Scope): Value {
    const call = this.moduleCall(name, node, s);
    switch (call.kind) {
      case 'missing':
      case 'unknown':
        return UNKNOWN;
      case 'single':
        return call.inst.allOutputs(node, s);
      case 'list':
        return call.insts.map((i) => i.allOutputs(node, s));
      case 'map': {
        const o: ObjectValue = {};
        for (const [k, i] of call.insts) setKey(o, k, i.allOutputs(node, s));
        return o;
      }
    }
  }

  moduleCall(name: string, node: Expr | null, s: Scope | null): CallResult {
    const decl = this.cfg.modules.get(name);
    if (!decl) {
      if (node && s) throw new HclConfigError(s.file, node.p, `reference to undeclared module "${name}"`);
      throw new Error(`internal: no module ${name}`);
    }
    return this.memo('module', name, decl.block.file, decl.block.p, () => this.instantiate(decl));
  }

  private instantiate(decl: ModuleCallDecl): CallResult {
    const { block, name, source } = decl;
    const address = this.label(`module.${name}`);
    const callPath = this.callPath ? `${this.callPath}.${name}` : name;
    let dir: string | undefined;
    if (source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..') {
      dir = nodePath.resolve(this.cfg.dir, source);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new HclConfigError(block.file, block.p, `module "${name}": the source directory ${JSON.stringify(source)} does not exist`);
      }
    } else {
      dir = this.run.opts.installed?.get(callPath);
      if (dir && !existsSync(dir)) dir = undefined;
      if (!dir) {
        this.run.warnings.add(
          `${address} (source "${source}") is not downloaded (run terraform init): its resources are not included and its outputs are unknown`,
        );
        return { kind: 'missing' };
      }
    }
    if (this.ancestry.includes(dir) || this.ancestry.length >= MAX_MODULE_DEPTH) {
      throw new HclConfigError(block.file, block.p, `module "${name}" calls itself (directly or through other modules)`);
    }
    const cfg = this.run.config(dir);
    for (const [arg, attr] of block.body.attrs) {
      if (!MODULE_META_ATTRS.has(arg) && !cfg.variables.has(arg)) {
        throw new HclConfigError(attr.file, attr.p, `module "${name}" has no variable named "${arg}"`);
      }
    }
    const providers = this.childProviders(decl);
    const base = this.scope(block.file);
    const expand = this.expansion(block, base, address);
    if (expand === null) return { kind: 'unknown' };
    const make = (key: number | string | undefined, scope: Scope): ModuleInstance => {
      const inputs = new Map<string, () => Value>();
      for (const [arg, attr] of block.body.attrs) {
        if (MODULE_META_ATTRS.has(arg)) continue;
        inputs.set(arg, () => evaluate(attr.expr, scope.file === attr.file ? scope : { ...scope, file: attr.file }));
      }
      return new ModuleInstance({
        run: this.run,
        cfg,
        prefix: `${address}${keyString(key)}`,
        callPath,
        inputs,
        providers,
        ancestry: [...this.ancestry, dir],
      });
    };
    if (expand.mode === 'single') return { kind: 'single', inst: make(undefined, base) };
    if (expand.mode === 'count') return { kind: 'list', insts: expand.items.map((e) => make(e.key, { ...base, count: e.count })) };
    const insts = new Map<string, ModuleInstance>();
    for (const e of expand.items) insts.set(String(e.key), make(e.key, { ...base, each: e.each }));
    return { kind: 'map', insts };
  }

  /** Provider configurations a child receives: the `providers` map, else the parent's defaults. */
  private childProviders(decl: ModuleCallDecl): Map<string, () => RegionInfo> {
    const out = new Map<string, () => RegionInfo>();
    for (const [k, v] of this.providers) if (!k.includes('.')) out.set(k, v);
    const attr = decl.block.body.attrs.get('providers');
    if (attr) {
      const e = unwrapParen(attr.expr);
      if (e.k !== 'object') throw new HclConfigError(attr.file, attr.p, 'providers must be a map like { aws = aws.west }');
      for (const item of e.items) {
        const key = item.key.k === 'lit' && typeof item.key.v === 'string' ? item.key.v : providerKey(item.key);
        const target = providerKey(item.value);
        if (!key || !target) throw new HclConfigError(attr.file, item.key.p, 'providers entries must look like aws = aws.west');
        out.set(key, this.provider(target, attr.file, item.value.p));
      }
    }
    return out;
  }

  /** The region of a provider configuration of this module, by key (aws, aws.west). */
  provider(key: string, file: SourceFile | null, pos: number): () => RegionInfo {
    const p = this.providers.get(key);
    if (p) return p;
    if (!key.includes('.')) return () => this.run.fallback();
    throw new HclConfigError(file, pos, `provider configuration ${key} is not defined${this.prefix ? ` in ${this.prefix}` : ''} (add provider "${key.split('.')[0]}" { alias = "${key.split('.')[1]}" … }${this.prefix ? ' or pass it in the module\'s providers map' : ''})`);
  }

  private providerRegion(name: string, alias: string | undefined, block: Block): RegionInfo {
    const attr = block.body.attrs.get('region');
    const what = `provider "${name}"${alias ? ` (alias "${alias}")` : ''}`;
    if (!attr || name !== 'aws') return this.run.fallback();
    const v = evaluate(attr.expr, this.scope(attr.file));
    if (v === UNKNOWN || v === null) {
      if (v === UNKNOWN) {
        const fb = this.run.fallback();
        this.run.warnings.add(`${location(attr.file, attr.p)}: the region of ${what} is not known before apply; using ${fb.region}`);
        return fb;
      }
      return this.run.fallback();
    }
    if (typeof v !== 'string') throw new UserError(`${location(attr.file, attr.expr.p)}: the region of ${what} must be a string, got ${typeName(v)}`);
    if (!isKnownRegion(v)) throw new UserError(`${location(attr.file, attr.expr.p)}: ${what} has region "${v}", which is not a known AWS region`);
    return { region: v, source: 'provider' };
  }

  // --- output ------------------------------------------------------------------------------------

  /** Instantiates every module call below this one (so that all instances are in run.instances). */
  expandCalls(): void {
    for (const name of this.cfg.modules.keys()) this.moduleCall(name, null, null);
  }

  resourceChanges(): ResourceChange[] {
    const out: ResourceChange[] = [];
    for (const decl of this.cfg.resources.values()) {
      const result = this.resource(decl);
      if (!result.instances) continue;
      const providerAttr = decl.block.body.attrs.get('provider');
      let key = decl.type.split('_')[0];
      if (providerAttr) {
        const k = providerKey(providerAttr.expr);
        if (!k) throw new HclConfigError(providerAttr.file, providerAttr.p, 'provider must be a reference like aws.west');
        key = k;
      }
      // Region only means something for AWS: resources of other providers follow the AWS default.
      const region = key.split('.')[0] === 'aws' ? this.provider(key, providerAttr?.file ?? null, providerAttr?.p ?? 0)() : this.provider('aws', null, 0)();
      // Shared by the instances of a resource, and frozen so that no consumer can change it for the others.
      let refs = REFS_CACHE.get(decl);
      if (refs === undefined) {
        refs = freezeRefs(collectReferences(decl.block.body, RESOURCE_META_ATTRS, RESOURCE_META_BLOCKS)) ?? null;
        REFS_CACHE.set(decl, refs);
      }
      for (const inst of result.instances) {
        const rc: ResourceChange = {
          address: this.label(`${decl.type}.${decl.name}`) + keyString(inst.key),
          type: decl.type,
          module: this.prefix,
          region: region.region,
          regionSource: region.source,
          action: 'create',
          after: { values: inst.values as Attributes },
        };
        if (refs) rc.references = refs as Record<string, string[]>;
        if (inst.key !== undefined) rc.index = inst.key;
        out.push(rc);
      }
    }
    return out;
  }

  /** Resolves every provider block with a region, so that a typo fails even in an unused alias. */
  validateProviders(): void {
    for (const p of this.cfg.providers) {
      if (p.name === 'aws' && p.block.body.attrs.has('region')) this.provider(p.alias ? `${p.name}.${p.alias}` : p.name, null, 0)();
    }
  }

  defaultRegion(): RegionInfo {
    return this.provider('aws', null, 0)();
  }
}

/** References depend only on the declaration: computed once for all instances of all module instances. */
const REFS_CACHE = new WeakMap<ResourceDecl, Readonly<Record<string, string[]>> | null>();

function freezeRefs(refs: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (!refs) return undefined;
  for (const v of Object.values(refs)) Object.freeze(v);
  return Object.freeze(refs);
}

function pushBlock(out: ObjectValue, name: string, v: ObjectValue): void {
  const cur = out[name];
  if (cur === UNKNOWN) return;
  if (Array.isArray(cur)) cur.push(v);
  else setKey(out, name, [v]);
}

