/**
 * Terraform's JSON configuration syntax (`*.tf.json`), turned into the same Body/Expr tree as the
 * native syntax. Strings are templates (`"${var.x}"`). Without provider schemas a JSON object
 * inside a resource cannot be told apart from a nested block, so it becomes an object attribute:
 * consumers that read nested blocks accept a single object as well as a list of them.
 */
import { HclSyntaxError, type Attribute, type Block, type Body, type Expr, type SourceFile } from './ast.js';
import { parseHclExpression, parseTemplate } from './parser.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  variable: 1,
  output: 1,
  module: 1,
  provider: 1,
  locals: 0,
  terraform: 0,
};

function isObj(v: Json): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseJsonConfig(file: SourceFile): Body {
  let root: Json;
  try {
    root = JSON.parse(file.text) as Json;
  } catch (err) {
    const msg = (err as Error).message;
    const m = /position (\d+)/.exec(msg);
    throw new HclSyntaxError(file, m ? Number(m[1]) : 0, `invalid JSON: ${msg}`);
  }
  if (!isObj(root)) throw new HclSyntaxError(file, 0, 'a .tf.json file must contain a JSON object');
  const body: Body = { attrs: new Map(), blocks: [] };
  for (const [type, v] of Object.entries(root)) {
    if (type === '//') continue;
    const n = LABELS[type];
    if (n === undefined) continue;
    for (const [labels, content] of unwrapLabels(v, n, file)) {
      body.blocks.push(makeBlock(file, type, labels, content, type === 'variable' || type === 'terraform'));
    }
  }
  return body;
}

function unwrapLabels(v: Json, n: number, file: SourceFile): Array<[string[], { [k: string]: Json }]> {
  const items = Array.isArray(v) ? v : [v];
  const out: Array<[string[], { [k: string]: Json }]> = [];
  for (const item of items) {
    if (!isObj(item)) throw new HclSyntaxError(file, 0, 'expected a JSON object for a block');
    if (n === 0) {
      out.push([[], item]);
      continue;
    }
    for (const [label, inner] of Object.entries(item)) {
      if (label === '//') continue;
      for (const [rest, content] of unwrapLabels(inner, n - 1, file)) out.push([[label, ...rest], content]);
    }
  }
  return out;
}

function makeBlock(file: SourceFile, type: string, labels: string[], content: { [k: string]: Json }, literal: boolean): Block {
  const body: Body = { attrs: new Map(), blocks: [] };
  for (const [k, v] of Object.entries(content)) {
    if (k === '//' || k === 'lifecycle' || k === 'provisioner' || k === 'connection') continue;
    if (k === 'dynamic' && isObj(v)) {
      for (const [name, spec] of Object.entries(v)) {
        for (const s of Array.isArray(spec) ? spec : [spec]) {
          if (!isObj(s)) continue;
          const { content: c, ...rest } = s;
          const dyn = makeBlock(file, 'dynamic', [name], rest, false);
          if (isObj(c)) dyn.body.blocks.push(makeBlock(file, 'content', [], c, false));
          body.blocks.push(dyn);
        }
      }
      continue;
    }
    if (type === 'terraform' && (k === 'backend' || k === 'cloud') && isObj(v)) {
      body.blocks.push({ type: k, labels: Object.keys(v).slice(0, 1), body: { attrs: new Map(), blocks: [] }, p: 0, file });
      continue;
    }
    let expr: Expr;
    if (type === 'variable' && k === 'type' && typeof v === 'string') expr = parseHclExpression({ path: file.path, text: v });
    else if (literal && k === 'default') expr = literalExpr(v);
    else expr = toExpr(v, file);
    const attr: Attribute = { name: k, expr, p: 0, file };
    body.attrs.set(k, attr);
  }
  return { type, labels, body, p: 0, file };
}

function literalExpr(v: Json): Expr {
  if (Array.isArray(v)) return { k: 'tuple', p: 0, items: v.map(literalExpr) };
  if (isObj(v)) return { k: 'object', p: 0, items: Object.entries(v).map(([k, x]) => ({ key: { k: 'lit', p: 0, v: k }, value: literalExpr(x) })) };
  return { k: 'lit', p: 0, v };
}

function toExpr(v: Json, file: SourceFile): Expr {
  if (typeof v === 'string') {
    if (!v.includes('${') && !v.includes('%{')) return { k: 'lit', p: 0, v };
    return parseTemplate({ path: file.path, text: v });
  }
  if (Array.isArray(v)) return { k: 'tuple', p: 0, items: v.map((x) => toExpr(x, file)) };
  if (isObj(v)) {
    return {
      k: 'object',
      p: 0,
      items: Object.entries(v)
        .filter(([k]) => k !== '//')
        .map(([k, x]) => ({ key: toExpr(k, file), value: toExpr(x, file) })),
    };
  }
  return { k: 'lit', p: 0, v };
}
