/**
 * Loads one module directory: parses its `.tf` (and `.tf.json`) files and indexes the
 * declarations (variables, locals, resources, data sources, module calls, outputs, providers).
 * `override.tf` / `*_override.tf` files are merged into the declarations they override.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { HclConfigError, type Attribute, type Block, type Body, type Expr, type SourceFile } from './ast.js';
import { parseJsonConfig } from './json.js';
import { parseHclFile } from './parser.js';

export interface VariableDecl {
  name: string;
  type?: Expr;
  default?: Attribute;
  nullable: boolean;
  block: Block;
}

export interface ResourceDecl {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** type.name */
  key: string;
  block: Block;
}

export interface ModuleCallDecl {
  name: string;
  source: string;
  block: Block;
}

export interface ProviderDecl {
  name: string;
  alias?: string;
  block: Block;
}

export interface ModuleConfig {
  dir: string;
  files: SourceFile[];
  variables: Map<string, VariableDecl>;
  locals: Map<string, Attribute>;
  resources: Map<string, ResourceDecl>;
  /** Managed resources by type, then name: reference lookups without building strings. */
  resourcesByType: Map<string, Map<string, ResourceDecl>>;
  data: Map<string, ResourceDecl>;
  modules: Map<string, ModuleCallDecl>;
  outputs: Map<string, Attribute>;
  providers: ProviderDecl[];
  /** A `terraform { backend … }` or `cloud` block is present. */
  hasBackend: boolean;
}

export interface LoadOptions {
  /** Maps an absolute file path to the path shown in messages. */
  display: (absPath: string) => string;
  /** Bytes read, for benchmarks. */
  onRead?: (bytes: number) => void;
}

export function isConfigFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

function isOverride(name: string): boolean {
  const base = name.replace(/\.tf(\.json)?$/, '');
  return base === 'override' || base.endsWith('_override');
}

/** The configuration files of a directory in Terraform's order (lexical), overrides last. */
export function configFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((d) => (d.isFile() || d.isSymbolicLink()) && isConfigFile(d.name) && !d.name.startsWith('.'))
      .map((d) => d.name);
  } catch {
    return [];
  }
  names.sort();
  return [...names.filter((n) => !isOverride(n)), ...names.filter(isOverride)];
}

export function parseConfigFile(abs: string, opts: LoadOptions): { file: SourceFile; body: Body } {
  const text = readFileSync(abs, 'utf8');
  opts.onRead?.(Buffer.byteLength(text));
  const file: SourceFile = { path: opts.display(abs), text };
  const body = abs.endsWith('.json') ? parseJsonConfig(file) : parseHclFile(file);
  return { file, body };
}

function literalString(attr: Attribute | undefined, what: string): string | undefined {
  if (!attr) return undefined;
  const e = attr.expr.k === 'paren' ? attr.expr.e : attr.expr;
  if (e.k === 'lit' && typeof e.v === 'string') return e.v;
  throw new HclConfigError(attr.file, attr.p, `${what} must be a literal string`);
}

export function loadModule(dir: string, opts: LoadOptions): ModuleConfig {
  const cfg: ModuleConfig = {
    dir,
    files: [],
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    resourcesByType: new Map(),
    data: new Map(),
    modules: new Map(),
    outputs: new Map(),
    providers: [],
    hasBackend: false,
  };
  for (const name of configFiles(dir)) {
    const { file, body } = parseConfigFile(nodePath.join(dir, name), opts);
    cfg.files.push(file);
    addBody(cfg, body, isOverride(name));
  }
  return cfg;
}

function mergeBody(base: Body, over: Body): void {
  for (const [k, a] of over.attrs) base.attrs.set(k, a);
  const types = new Set(over.blocks.map((b) => b.type));
  if (types.size === 0) return;
  base.blocks = [...base.blocks.filter((b) => !types.has(b.type)), ...over.blocks];
}

function dup(block: Block, what: string): never {
  throw new HclConfigError(block.file, block.p, `duplicate ${what}: it is already declared`);
}

export function addBody(cfg: ModuleConfig, body: Body, override: boolean): void {
  for (const [name, attr] of body.attrs) {
    throw new HclConfigError(attr.file, attr.p, `unexpected attribute "${name}" at the top level of a configuration file`);
  }
  for (const b of body.blocks) {
    const need = (n: number): void => {
      if (b.labels.length !== n) {
        throw new HclConfigError(b.file, b.p, `a ${b.type} block needs ${n} label${n === 1 ? '' : 's'}, got ${b.labels.length}`);
      }
    };
    switch (b.type) {
      case 'variable': {
        need(1);
        const [name] = b.labels;
        const existing = cfg.variables.get(name);
        if (existing && !override) dup(b, `variable "${name}"`);
        if (existing) mergeBody(existing.block.body, b.body);
        const blk = existing?.block ?? b;
        const nullableAttr = blk.body.attrs.get('nullable');
        const nullable = !(nullableAttr && nullableAttr.expr.k === 'lit' && nullableAttr.expr.v === false);
        cfg.variables.set(name, {
          name,
          type: blk.body.attrs.get('type')?.expr,
          default: blk.body.attrs.get('default'),
          nullable,
          block: blk,
        });
        break;
      }
      case 'locals':
        for (const [name, attr] of b.body.attrs) {
          if (cfg.locals.has(name) && !override) {
            throw new HclConfigError(attr.file, attr.p, `duplicate local value "${name}": it is already declared`);
          }
          cfg.locals.set(name, attr);
        }
        break;
      case 'resource':
      case 'data': {
        need(2);
        const [type, name] = b.labels;
        const map = b.type === 'resource' ? cfg.resources : cfg.data;
        const key = `${type}.${name}`;
        const existing = map.get(key);
        if (existing && !override) dup(b, `${b.type === 'data' ? 'data source' : 'resource'} ${key}`);
        if (existing) mergeBody(existing.block.body, b.body);
        else {
          const decl: ResourceDecl = { mode: b.type === 'resource' ? 'managed' : 'data', type, name, key, block: b };
          map.set(key, decl);
          if (decl.mode === 'managed') {
            let byName = cfg.resourcesByType.get(type);
            if (!byName) cfg.resourcesByType.set(type, (byName = new Map()));
            byName.set(name, decl);
          }
        }
        break;
      }
      case 'module': {
        need(1);
        const [name] = b.labels;
        const existing = cfg.modules.get(name);
        if (existing && !override) dup(b, `module "${name}"`);
        if (existing) mergeBody(existing.block.body, b.body);
        const blk = existing?.block ?? b;
        const source = literalString(blk.body.attrs.get('source'), `the source of module "${name}"`);
        if (source === undefined) throw new HclConfigError(b.file, b.p, `module "${name}" has no source`);
        cfg.modules.set(name, { name, source, block: blk });
        break;
      }
      case 'output': {
        need(1);
        const [name] = b.labels;
        if (cfg.outputs.has(name) && !override) dup(b, `output "${name}"`);
        const value = b.body.attrs.get('value');
        if (value) cfg.outputs.set(name, value);
        else if (!override) throw new HclConfigError(b.file, b.p, `output "${name}" has no value`);
        break;
      }
      case 'provider': {
        need(1);
        const alias = literalString(b.body.attrs.get('alias'), 'a provider alias');
        const existing = cfg.providers.find((p) => p.name === b.labels[0] && p.alias === alias);
        if (existing && !override) dup(b, `provider "${b.labels[0]}"${alias ? ` with alias "${alias}"` : ''}`);
        if (existing) mergeBody(existing.block.body, b.body);
        else cfg.providers.push({ name: b.labels[0], alias, block: b });
        break;
      }
      case 'terraform':
        if (b.body.blocks.some((x) => x.type === 'backend' || x.type === 'cloud')) cfg.hasBackend = true;
        break;
      default:
        // moved, import, removed, check and unknown blocks do not affect what is created.
        break;
    }
  }
}
