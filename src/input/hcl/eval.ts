/**
 * Expression evaluator. References (`var.x`, `local.y`, `aws_instance.web.id`, `module.m.out`) are
 * answered by a Resolver, which evaluates what they point to lazily; everything else is here.
 * UNKNOWN propagates through every operation that needs the value.
 */
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { UNKNOWN } from '../types.js';
import { HclConfigError, HclEvalError, exprText, type Expr, type SourceFile, type TplPart } from './ast.js';
import { FUNCTIONS, setKey, type FnContext } from './functions.js';
import { parseTemplate } from './parser.js';
import {
  FnError,
  UNKNOWN_RESULT,
  equal,
  isObject,
  isOpen,
  numToStr,
  sortedKeys,
  toBool,
  toNum,
  toStr,
  typeName,
  type ObjectValue,
  type Value,
} from './values.js';

export interface Binding {
  name: string;
  value: Value;
  next: Binding | null;
}

/** Answers references for the module an expression belongs to. */
export interface Resolver extends FnContext {
  /** `root.name…` where root is var, local, module, path, terraform, self or a resource type. */
  ref(root: string, name: string, node: Expr, scope: Scope): Value;
  /** `data.type.name`. */
  data(type: string, name: string, node: Expr, scope: Scope): Value;
  /** `module.name.output`. */
  moduleOutput(name: string, output: string, node: Expr, scope: Scope): Value;
}

export interface Scope {
  file: SourceFile;
  r: Resolver;
  vars: Binding | null;
  count?: number;
  each?: { key: Value; value: Value };
  item?: Value;
}

/** Root names that are never iteration variables in practice and never resource types. */
const META_ROOTS = new Set(['count', 'each']);

function lookupBinding(b: Binding | null, name: string): Binding | null {
  for (; b; b = b.next) if (b.name === name) return b;
  return null;
}

export function bind(s: Scope, name: string, value: Value): Scope {
  return { ...s, vars: { name, value, next: s.vars } };
}

export function evaluate(e: Expr, s: Scope): Value {
  try {
    return evalNode(e, s);
  } catch (err) {
    if (err === UNKNOWN_RESULT) return UNKNOWN;
    if (err instanceof FnError) throw new HclEvalError(s.file, e.p, err.message);
    throw err;
  }
}

function evalNode(e: Expr, s: Scope): Value {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'paren':
      return evaluate(e.e, s);
    case 'tpl':
      return renderParts(e.parts, s);
    case 'root': {
      const b = lookupBinding(s.vars, e.name);
      if (b) return b.value;
      if (e.name === 'self') return UNKNOWN;
      throw new HclConfigError(s.file, e.p, `invalid reference "${e.name}": a reference needs an attribute, like ${e.name}.name`);
    }
    case 'attr':
      return evalAttr(e, s);
    case 'index': {
      const v = evaluate(e.obj, s);
      const k = evaluate(e.key, s);
      return indexValue(v, k);
    }
    case 'splat': {
      const src = evaluate(e.src, s);
      if (src === UNKNOWN) return UNKNOWN;
      if (src === null) return [];
      const list = Array.isArray(src) ? src : [src];
      s.r.spend(list.length);
      const out: Value[] = [];
      const inner: Scope = { ...s, item: null };
      for (const item of list) {
        inner.item = item;
        out.push(evaluate(e.each, inner));
      }
      return out;
    }
    case 'item':
      return s.item === undefined ? null : s.item;
    case 'call':
      return evalCall(e, s);
    case 'tuple': {
      const out: Value[] = [];
      for (const x of e.items) out.push(evaluate(x, s));
      return out;
    }
    case 'object': {
      const out: ObjectValue = {};
      let unknownKey = false;
      for (const item of e.items) {
        const kv = item.key.k === 'lit' ? item.key.v : evaluate(item.key, s);
        const v = evaluate(item.value, s);
        if (kv === UNKNOWN) {
          unknownKey = true;
          continue;
        }
        if (kv === null) throw new HclEvalError(s.file, item.key.p, 'object key is null');
        setKey(out, toStr(kv, 'object key'), v);
      }
      return unknownKey ? UNKNOWN : out;
    }
    case 'cond': {
      const c = evaluate(e.c, s);
      if (c === UNKNOWN) return UNKNOWN;
      if (c === null) throw new HclEvalError(s.file, e.c.p, 'the condition is null; a bool is required');
      return toBool(c, 'the condition') ? evaluate(e.t, s) : evaluate(e.f, s);
    }
    case 'not': {
      const v = evaluate(e.e, s);
      return v === UNKNOWN ? UNKNOWN : !toBool(v, 'operand of !');
    }
    case 'neg': {
      const v = evaluate(e.e, s);
      return v === UNKNOWN ? UNKNOWN : -toNum(v, 'operand of -');
    }
    case 'bin':
      return evalBinary(e, s);
    case 'for':
      return evalFor(e, s);
  }
}

function evalAttr(e: Extract<Expr, { k: 'attr' }>, s: Scope): Value {
  const o = e.obj;
  if (o.k === 'root' && !lookupBinding(s.vars, o.name)) {
    if (META_ROOTS.has(o.name)) return evalMeta(o.name, e.name, e, s);
    return s.r.ref(o.name, e.name, e, s);
  }
  if (o.k === 'attr' && o.obj.k === 'root' && !lookupBinding(s.vars, o.obj.name)) {
    if (o.obj.name === 'data') return s.r.data(o.name, e.name, e, s);
    if (o.obj.name === 'module') return s.r.moduleOutput(o.name, e.name, e, s);
  }
  return getAttr(evaluate(o, s), e.name);
}

function evalMeta(root: string, name: string, e: Expr, s: Scope): Value {
  if (root === 'count') {
    if (name !== 'index') throw new HclConfigError(s.file, e.p, `invalid reference count.${name}: only count.index exists`);
    if (s.count === undefined) throw new HclConfigError(s.file, e.p, 'count.index can only be used in a resource or module with count');
    return s.count;
  }
  if (!s.each) throw new HclConfigError(s.file, e.p, `each.${name} can only be used in a resource or module with for_each`);
  if (name === 'key') return s.each.key;
  if (name === 'value') return s.each.value;
  throw new HclConfigError(s.file, e.p, `invalid reference each.${name}: only each.key and each.value exist`);
}

export function getAttr(v: Value, name: string): Value {
  if (v === UNKNOWN) return UNKNOWN;
  if (isObject(v)) {
    if (Object.hasOwn(v, name)) return v[name];
    if (isOpen(v)) return UNKNOWN;
    throw new FnError(`this object has no attribute "${name}"`);
  }
  if (v === null) throw new FnError(`cannot read attribute "${name}" of a null value`);
  if (Array.isArray(v)) {
    throw new FnError(`cannot read attribute "${name}" of a list; use [*].${name} for all elements or an index like [0].${name}`);
  }
  throw new FnError(`cannot read attribute "${name}" of a ${typeName(v)}`);
}

export function indexValue(v: Value, k: Value): Value {
  if (v === UNKNOWN || k === UNKNOWN) return UNKNOWN;
  if (Array.isArray(v)) {
    const i = toNum(k, 'list index');
    if (!Number.isInteger(i)) throw new FnError(`list index must be a whole number, got ${numToStr(i)}`);
    if (i < 0 || i >= v.length) throw new FnError(`index ${i} is out of range for a list of ${v.length} element${v.length === 1 ? '' : 's'}`);
    return v[i];
  }
  if (isObject(v)) {
    const key = toStr(k, 'map key');
    if (Object.hasOwn(v, key)) return v[key];
    if (isOpen(v)) return UNKNOWN;
    throw new FnError(`the map has no element with key ${JSON.stringify(key)}`);
  }
  if (v === null) throw new FnError('cannot index a null value');
  throw new FnError(`cannot index a ${typeName(v)}`);
}

function evalBinary(e: Extract<Expr, { k: 'bin' }>, s: Scope): Value {
  const op = e.op;
  if (op === '&&' || op === '||') {
    const l = evaluate(e.l, s);
    const lb = l === UNKNOWN ? UNKNOWN : toBool(l, `left operand of ${op}`);
    // A known false (for &&) or true (for ||) decides the result even if the other side is unknown.
    if (lb === (op === '||')) return lb;
    const r = evaluate(e.r, s);
    const rb = r === UNKNOWN ? UNKNOWN : toBool(r, `right operand of ${op}`);
    if (rb === (op === '||')) return rb;
    if (lb === UNKNOWN || rb === UNKNOWN) return UNKNOWN;
    return rb;
  }
  const l = evaluate(e.l, s);
  const r = evaluate(e.r, s);
  if (op === '==') return equal(l, r);
  if (op === '!=') return !equal(l, r);
  if (l === UNKNOWN || r === UNKNOWN) return UNKNOWN;
  const a = toNum(l, `left operand of ${op}`);
  const b = toNum(r, `right operand of ${op}`);
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
      if (b === 0) throw new FnError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new FnError('modulo by zero');
      return a % b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
  }
}

function iterate(coll: Value, what: string): Array<[Value, Value]> {
  if (Array.isArray(coll)) return coll.map((v, i) => [i, v]);
  if (isObject(coll)) return sortedKeys(coll).map((k) => [k, coll[k]]);
  if (coll === null) throw new FnError(`${what} is null; a list or map is required`);
  throw new FnError(`${what} is a ${typeName(coll)}; a list or map is required`);
}

function evalFor(e: Extract<Expr, { k: 'for' }>, s: Scope): Value {
  const coll = evaluate(e.coll, s);
  if (coll === UNKNOWN) return UNKNOWN;
  const pairs = iterate(coll, 'the collection of the for expression');
  s.r.spend(pairs.length);
  const list: Value[] = [];
  const obj: ObjectValue = {};
  const groups = new Map<string, Value[]>();
  let unknown = false;
  // One scope for all iterations: evaluation never keeps a scope beyond the call.
  const vb: Binding = { name: e.vv, value: null, next: s.vars };
  const kb: Binding | null = e.kv ? { name: e.kv, value: null, next: vb } : null;
  const inner: Scope = { ...s, vars: kb ?? vb };
  for (const [k, v] of pairs) {
    vb.value = v;
    if (kb) kb.value = k;
    if (e.cond) {
      const c = evaluate(e.cond, inner);
      if (c === UNKNOWN) {
        unknown = true;
        continue;
      }
      if (!toBool(c, 'the if condition of the for expression')) continue;
    }
    if (!e.obj) {
      list.push(evaluate(e.val, inner));
      continue;
    }
    const kv = evaluate(e.key!, inner);
    const vv = evaluate(e.val, inner);
    if (kv === UNKNOWN) {
      unknown = true;
      continue;
    }
    const key = toStr(kv, 'the key of the for expression');
    if (e.group) {
      const g = groups.get(key);
      if (g) g.push(vv);
      else groups.set(key, [vv]);
    } else {
      if (Object.hasOwn(obj, key)) {
        throw new FnError(`duplicate key ${JSON.stringify(key)} in the for expression; add '...' after the value to group values by key`);
      }
      setKey(obj, key, vv);
    }
  }
  if (unknown) return UNKNOWN;
  if (!e.obj) return list;
  if (e.group) for (const [k, g] of groups) setKey(obj, k, g);
  return obj;
}

function renderParts(parts: TplPart[], s: Scope): Value {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    switch (part.k) {
      case 'interp': {
        const v = evaluate(part.e, s);
        if (v === UNKNOWN) return UNKNOWN;
        try {
          out += toStr(v, 'the interpolated value');
        } catch (err) {
          if (err instanceof FnError) throw new HclEvalError(s.file, part.e.p, err.message);
          throw err;
        }
        break;
      }
      case 'if': {
        const c = evaluate(part.c, s);
        if (c === UNKNOWN) return UNKNOWN;
        const branch = toBool(c, 'the %{ if } condition') ? part.then : part.else;
        if (branch) {
          const r = renderParts(branch, s);
          if (r === UNKNOWN) return UNKNOWN;
          out += r as string;
        }
        break;
      }
      case 'tfor': {
        const coll = evaluate(part.coll, s);
        if (coll === UNKNOWN) return UNKNOWN;
        const pairs = iterate(coll, 'the collection of %{ for }');
        s.r.spend(pairs.length);
        const vb: Binding = { name: part.vv, value: null, next: s.vars };
        const kb: Binding | null = part.kv ? { name: part.kv, value: null, next: vb } : null;
        const inner: Scope = { ...s, vars: kb ?? vb };
        for (const [k, v] of pairs) {
          vb.value = v;
          if (kb) kb.value = k;
          const r = renderParts(part.body, inner);
          if (r === UNKNOWN) return UNKNOWN;
          out += r as string;
        }
        break;
      }
    }
  }
  return out;
}

function evalCall(e: Extract<Expr, { k: 'call' }>, s: Scope): Value {
  const name = e.name;
  if (name === 'try') {
    let lastErr: Error | null = null;
    for (const a of e.args) {
      try {
        return evaluate(a, s);
      } catch (err) {
        if (err instanceof HclEvalError) lastErr = err;
        else throw err;
      }
    }
    throw new HclEvalError(s.file, e.p, `try: no expression succeeded${lastErr ? ` (last error: ${lastErr.message})` : ''}`);
  }
  if (name === 'can') {
    if (e.args.length !== 1) throw new HclEvalError(s.file, e.p, `function "can" takes 1 argument, got ${e.args.length}`);
    try {
      const v = evaluate(e.args[0], s);
      return v === UNKNOWN ? UNKNOWN : true;
    } catch (err) {
      if (err instanceof HclEvalError) return false;
      throw err;
    }
  }
  if (name.includes('::')) return UNKNOWN; // provider-defined function: its result is not known here
  const def = name === 'templatefile' ? TEMPLATEFILE : FUNCTIONS[name];
  if (!def) {
    throw new HclConfigError(s.file, e.p, `call to unknown function "${name}" in ${exprText(s.file, e)}`);
  }
  let args: Value[] = [];
  for (const a of e.args) args.push(evaluate(a, s));
  if (e.expand) {
    const last = args[args.length - 1];
    if (last === UNKNOWN) return UNKNOWN;
    if (!Array.isArray(last)) throw new HclEvalError(s.file, e.args[e.args.length - 1].p, `the argument expanded with '...' is a ${typeName(last)}; a list is required`);
    args = [...args.slice(0, -1), ...last];
  }
  if (args.length < def.min || (def.max >= 0 && args.length > def.max)) {
    const want = def.max < 0 ? `at least ${def.min}` : def.min === def.max ? `${def.min}` : `${def.min} to ${def.max}`;
    throw new HclEvalError(s.file, e.p, `function "${name}" takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}`);
  }
  try {
    return def.fn(args, s.r);
  } catch (err) {
    if (err === UNKNOWN_RESULT) return UNKNOWN;
    if (err instanceof FnError) throw new HclEvalError(s.file, e.p, err.message.startsWith(`${name}:`) ? err.message : `${name}: ${err.message}`);
    throw err;
  }
}

const templateCache = new Map<string, Expr>();

const TEMPLATEFILE = {
  min: 2,
  max: 2,
  fn: (args: Value[], r: Resolver): Value => {
    const [p, vars] = args;
    const rel = toStr(p, 'templatefile path');
    if (vars === UNKNOWN) throw UNKNOWN_RESULT;
    if (!isObject(vars)) throw new FnError('templatefile: the variables must be a map');
    const full = nodePath.resolve(r.baseDir, rel);
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch {
      throw new FnError(`templatefile: no file exists at ${JSON.stringify(rel)}`);
    }
    const file: SourceFile = { path: rel, text };
    let tpl = templateCache.get(full + '\0' + text);
    if (!tpl) {
      tpl = parseTemplate(file);
      templateCache.set(full + '\0' + text, tpl);
    }
    let b: Binding | null = null;
    for (const k of Object.keys(vars)) b = { name: k, value: vars[k], next: b };
    const scope: Scope = { file, r: noRefs(r, file), vars: b };
    return evaluate(tpl, scope);
  },
};

/** Templates see only their variables: any other reference is an error. */
function noRefs(r: Resolver, file: SourceFile): Resolver {
  const fail = (node: Expr): never => {
    throw new HclConfigError(file, node.p, 'a template can only use the variables passed to templatefile');
  };
  return { baseDir: r.baseDir, spend: (n) => r.spend(n), ref: (_a, _b, node) => fail(node), data: (_a, _b, node) => fail(node), moduleOutput: (_a, _b, node) => fail(node) };
}

/** A resolver for constant contexts (tfvars files, variable defaults, -var values). */
export function constResolver(baseDir: string, what: string): Resolver {
  let steps = 0;
  const fail = (node: Expr, s: Scope): never => {
    throw new HclConfigError(s.file, node.p, `${what} cannot refer to other values (${exprText(s.file, node)})`);
  };
  return {
    baseDir,
    spend(n) {
      steps += n;
      if (steps > 10_000_000) throw new FnError('evaluation is too large');
    },
    ref: (_a, _b, node, s) => fail(node, s),
    data: (_a, _b, node, s) => fail(node, s),
    moduleOutput: (_a, _b, node, s) => fail(node, s),
  };
}
