/**
 * Static references of a resource's attributes, in the form plan JSON's configuration records
 * them: for `launch_template { id = aws_launch_template.web.id }` the path "launch_template.id"
 * maps to ["aws_launch_template.web.id", "aws_launch_template.web"].
 */
import type { Body, Expr, TplPart } from './ast.js';

type Step = { attr: string } | { idx: string | number };

function stepStr(s: Step): string {
  if ('attr' in s) return `.${s.attr}`;
  return typeof s.idx === 'number' ? `[${s.idx}]` : `[${JSON.stringify(s.idx)}]`;
}

function literalKey(e: Expr): string | number | null {
  if (e.k === 'lit' && (typeof e.v === 'string' || typeof e.v === 'number')) return e.v;
  return null;
}

/** Adds the references of one traversal `root.steps…`, widest-last, as Terraform does. */
function addTraversal(root: string, steps: Step[], out: string[]): void {
  const attrAt = (i: number): string | null => {
    const s = steps[i];
    return s && 'attr' in s ? s.attr : null;
  };
  const idxAt = (i: number): boolean => {
    const s = steps[i];
    return !!s && 'idx' in s;
  };
  let subjectLen: number;
  const extras: string[] = [];
  switch (root) {
    case 'var':
    case 'local':
    case 'count':
    case 'each':
    case 'path':
    case 'terraform':
    case 'self':
      if (!attrAt(0)) return;
      subjectLen = 1;
      break;
    case 'module': {
      const name = attrAt(0);
      if (!name) return;
      subjectLen = 1;
      if (idxAt(1)) subjectLen = 2;
      if (attrAt(subjectLen)) {
        subjectLen++;
        extras.push(`module.${name}`);
      } else if (subjectLen === 2) extras.push(`module.${name}`);
      break;
    }
    case 'data':
    case 'ephemeral': {
      if (!attrAt(0) || !attrAt(1)) return;
      subjectLen = 2;
      if (idxAt(2)) {
        subjectLen = 3;
        extras.push(`${root}.${attrAt(0)}.${attrAt(1)}`);
      }
      break;
    }
    default: {
      const name = attrAt(0);
      if (!name) return;
      subjectLen = 1;
      if (idxAt(1)) {
        subjectLen = 2;
        extras.push(`${root}.${name}`);
      }
    }
  }
  const subject = root + steps.slice(0, subjectLen).map(stepStr).join('');
  for (let n = steps.length; n > subjectLen; n--) out.push(subject + steps.slice(subjectLen, n).map(stepStr).join(''));
  out.push(subject, ...extras);
}

function collectExpr(e: Expr, bound: ReadonlySet<string>, out: string[]): void {
  switch (e.k) {
    case 'lit':
    case 'item':
      return;
    case 'root':
      if (!bound.has(e.name)) addTraversal(e.name, [], out);
      return;
    case 'attr':
    case 'index': {
      const steps: Step[] = [];
      let cur: Expr = e;
      for (;;) {
        if (cur.k === 'attr') {
          steps.unshift({ attr: cur.name });
          cur = cur.obj;
          continue;
        }
        if (cur.k === 'index') {
          const k = literalKey(cur.key);
          if (k !== null) {
            steps.unshift({ idx: k });
            cur = cur.obj;
            continue;
          }
        }
        break;
      }
      if (cur.k === 'root') {
        if (!bound.has(cur.name)) addTraversal(cur.name, steps, out);
        return;
      }
      if (cur.k === 'index') {
        collectExpr(cur.obj, bound, out);
        collectExpr(cur.key, bound, out);
        return;
      }
      collectExpr(cur, bound, out);
      return;
    }
    case 'splat':
      collectExpr(e.src, bound, out);
      collectExpr(e.each, bound, out);
      return;
    case 'paren':
    case 'not':
    case 'neg':
      collectExpr(e.e, bound, out);
      return;
    case 'tpl':
      collectParts(e.parts, bound, out);
      return;
    case 'call':
      for (const a of e.args) collectExpr(a, bound, out);
      return;
    case 'tuple':
      for (const a of e.items) collectExpr(a, bound, out);
      return;
    case 'object':
      for (const it of e.items) {
        collectExpr(it.key, bound, out);
        collectExpr(it.value, bound, out);
      }
      return;
    case 'cond':
      collectExpr(e.c, bound, out);
      collectExpr(e.t, bound, out);
      collectExpr(e.f, bound, out);
      return;
    case 'bin':
      collectExpr(e.l, bound, out);
      collectExpr(e.r, bound, out);
      return;
    case 'for': {
      collectExpr(e.coll, bound, out);
      const inner = new Set(bound);
      inner.add(e.vv);
      if (e.kv) inner.add(e.kv);
      if (e.key) collectExpr(e.key, inner, out);
      collectExpr(e.val, inner, out);
      if (e.cond) collectExpr(e.cond, inner, out);
      return;
    }
  }
}

function collectParts(parts: TplPart[], bound: ReadonlySet<string>, out: string[]): void {
  for (const p of parts) {
    if (typeof p === 'string') continue;
    if (p.k === 'interp') collectExpr(p.e, bound, out);
    else if (p.k === 'if') {
      collectExpr(p.c, bound, out);
      collectParts(p.then, bound, out);
      if (p.else) collectParts(p.else, bound, out);
    } else {
      collectExpr(p.coll, bound, out);
      const inner = new Set(bound);
      inner.add(p.vv);
      if (p.kv) inner.add(p.kv);
      collectParts(p.body, inner, out);
    }
  }
}

/** References of one expression, deduplicated, in order of appearance. */
export function referencesOf(e: Expr, bound: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  collectExpr(e, bound, out);
  return [...new Set(out)];
}

function collectBody(
  body: Body,
  prefix: string,
  bound: ReadonlySet<string>,
  skipAttrs: ReadonlySet<string> | null,
  skipBlocks: ReadonlySet<string> | null,
  out: Record<string, string[]>,
): void {
  for (const [name, attr] of body.attrs) {
    if (skipAttrs?.has(name)) continue;
    const refs = referencesOf(attr.expr, bound);
    if (refs.length === 0) continue;
    const path = prefix + name;
    out[path] = out[path] ? [...new Set([...out[path], ...refs])] : refs;
  }
  for (const b of body.blocks) {
    if (skipBlocks?.has(b.type)) continue;
    if (b.type === 'dynamic') {
      const name = b.labels[0];
      const content = b.body.blocks.find((x) => x.type === 'content');
      if (!name || !content) continue;
      const it = b.body.attrs.get('iterator');
      const inner = new Set(bound);
      inner.add(it && it.expr.k === 'root' ? it.expr.name : name);
      collectBody(content.body, `${prefix}${name}.`, inner, null, null, out);
      continue;
    }
    collectBody(b.body, `${prefix}${b.type}.`, bound, null, null, out);
  }
}

/** Attribute path → referenced addresses for a resource body; undefined when it has none. */
export function collectReferences(
  body: Body,
  skipAttrs: ReadonlySet<string>,
  skipBlocks: ReadonlySet<string>,
): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  collectBody(body, '', new Set(), skipAttrs, skipBlocks, out);
  return Object.keys(out).length > 0 ? out : undefined;
}
