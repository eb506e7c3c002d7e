/**
 * Syntax tree of the HCL2 native syntax, as produced by parser.ts and walked by eval.ts.
 * Positions are character offsets into the source file; line and column are computed only when
 * an error message needs them.
 */
import { UserError } from '../../core/errors.js';
import type { AttrValue } from '../types.js';

export interface SourceFile {
  /** Path for messages: the directory as the user gave it joined with the file name. */
  path: string;
  text: string;
  lineStarts?: number[];
}

export type BinOp = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export type Expr =
  | { k: 'lit'; p: number; v: AttrValue }
  | { k: 'tpl'; p: number; parts: TplPart[] }
  | { k: 'root'; p: number; name: string }
  | { k: 'attr'; p: number; obj: Expr; name: string }
  | { k: 'index'; p: number; obj: Expr; key: Expr }
  /** `src[*].a.b` / `src.*.a`: `each` is evaluated once per element with `item` bound to it. */
  | { k: 'splat'; p: number; src: Expr; each: Expr }
  | { k: 'item'; p: number }
  | { k: 'call'; p: number; name: string; args: Expr[]; expand: boolean }
  | { k: 'tuple'; p: number; items: Expr[] }
  | { k: 'object'; p: number; items: ObjItem[] }
  | { k: 'cond'; p: number; c: Expr; t: Expr; f: Expr }
  | { k: 'bin'; p: number; op: BinOp; l: Expr; r: Expr }
  | { k: 'not'; p: number; e: Expr }
  | { k: 'neg'; p: number; e: Expr }
  | { k: 'paren'; p: number; e: Expr }
  | {
      k: 'for';
      p: number;
      kv: string | null;
      vv: string;
      coll: Expr;
      key: Expr | null;
      val: Expr;
      cond: Expr | null;
      group: boolean;
      obj: boolean;
    };

export interface ObjItem {
  /** A bare identifier key is a literal string; anything else is an expression. */
  key: Expr;
  value: Expr;
}

export type TplPart =
  | string
  | { k: 'interp'; p: number; e: Expr }
  | { k: 'if'; p: number; c: Expr; then: TplPart[]; else: TplPart[] | null }
  | { k: 'tfor'; p: number; kv: string | null; vv: string; coll: Expr; body: TplPart[] };

export interface Attribute {
  name: string;
  expr: Expr;
  /** Offset of the attribute name. */
  p: number;
  file: SourceFile;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  p: number;
  file: SourceFile;
}

export interface Body {
  attrs: Map<string, Attribute>;
  blocks: Block[];
}

// ------------------------------------------------------------------------------------------------

export function lineCol(file: SourceFile, pos: number): { line: number; col: number } {
  if (!file.lineStarts) {
    const starts = [0];
    const t = file.text;
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
    file.lineStarts = starts;
  }
  const ls = file.lineStarts;
  let lo = 0;
  let hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  // Columns count characters (UTF-16 units), 1-based, like Terraform's.
  return { line: lo + 1, col: pos - ls[lo] + 1 };
}

export function location(file: SourceFile, pos: number): string {
  const { line, col } = lineCol(file, pos);
  return `${file.path}:${line}:${col}`;
}

/** A syntax error: `file:line:col: message`. */
export class HclSyntaxError extends UserError {
  constructor(file: SourceFile, pos: number, message: string) {
    super(`${location(file, pos)}: ${message}`);
    this.name = 'HclSyntaxError';
  }
}

/**
 * An error while evaluating an expression (wrong type, missing key, failing function). `try` and
 * `can` catch these; they do not catch cycles or other structural errors.
 */
export class HclEvalError extends UserError {
  constructor(file: SourceFile, pos: number, message: string) {
    super(`${location(file, pos)}: ${message}`);
    this.name = 'HclEvalError';
  }
}

/** A configuration error that `try` must not hide (cycles, undeclared references, limits). */
export class HclConfigError extends UserError {
  constructor(file: SourceFile | null, pos: number, message: string) {
    super(file ? `${location(file, pos)}: ${message}` : message);
    this.name = 'HclConfigError';
  }
}

/** Source text of an expression, for messages (clipped). */
export function exprText(file: SourceFile, e: Expr, max = 60): string {
  const t = file.text.slice(e.p, e.p + max + 1);
  const line = t.split('\n')[0];
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
