/**
 * Hand-written lexer + recursive-descent parser for the HCL2 native syntax (Terraform's `.tf`
 * files, `.tfvars` files and `templatefile` templates).
 *
 * The lexer is driven by the parser: it holds one current token (type `t`, span `ts`..`te`) and
 * scans the next one on demand. Quoted strings and heredocs are templates, read character by
 * character by the parser itself; `${ … }` inside them re-enters expression parsing.
 * Newlines end attributes and object items, and are skipped inside (), [], ${} and for
 * expressions, as in HCL.
 */
import { HclSyntaxError, type BinOp, type Body, type Expr, type ObjItem, type SourceFile, type TplPart } from './ast.js';

const enum T {
  EOF,
  NL,
  IDENT,
  NUMBER,
  OQUOTE,
  HEREDOC,
  LBRACE,
  RBRACE,
  TRBRACE, // ~}
  LBRACK,
  RBRACK,
  LPAREN,
  RPAREN,
  COMMA,
  DOT,
  ELLIPSIS,
  ASSIGN,
  EQ,
  NE,
  LT,
  GT,
  LE,
  GE,
  AND,
  OR,
  BANG,
  PLUS,
  MINUS,
  STAR,
  SLASH,
  PERCENT,
  QUESTION,
  COLON,
  ARROW,
  DCOLON,
}

const TOKEN_TEXT: Record<number, string> = {
  [T.EOF]: 'end of file',
  [T.NL]: 'newline',
  [T.OQUOTE]: 'string',
  [T.HEREDOC]: 'heredoc',
  [T.LBRACE]: "'{'",
  [T.RBRACE]: "'}'",
  [T.TRBRACE]: "'~}'",
  [T.LBRACK]: "'['",
  [T.RBRACK]: "']'",
  [T.LPAREN]: "'('",
  [T.RPAREN]: "')'",
  [T.COMMA]: "','",
  [T.DOT]: "'.'",
  [T.ELLIPSIS]: "'...'",
  [T.ASSIGN]: "'='",
  [T.EQ]: "'=='",
  [T.NE]: "'!='",
  [T.LT]: "'<'",
  [T.GT]: "'>'",
  [T.LE]: "'<='",
  [T.GE]: "'>='",
  [T.AND]: "'&&'",
  [T.OR]: "'||'",
  [T.BANG]: "'!'",
  [T.PLUS]: "'+'",
  [T.MINUS]: "'-'",
  [T.STAR]: "'*'",
  [T.SLASH]: "'/'",
  [T.PERCENT]: "'%'",
  [T.QUESTION]: "'?'",
  [T.COLON]: "':'",
  [T.ARROW]: "'=>'",
  [T.DCOLON]: "'::'",
};

const MAX_DEPTH = 200;

// Character classes for identifiers: [A-Za-z_] start, plus digits and '-' after.
const ID_START = new Uint8Array(128);
const ID_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) ID_START[c] = 1;
  if (/[A-Za-z0-9_-]/.test(ch)) ID_PART[c] = 1;
}
const UNI_ID = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]/u;

function isIdStart(c: number, s: string, p: number): boolean {
  return c < 128 ? ID_START[c] === 1 : UNI_ID.test(String.fromCodePoint(s.codePointAt(p) ?? c));
}
function isIdPart(c: number, s: string, p: number): boolean {
  return c < 128 ? ID_PART[c] === 1 : UNI_ID.test(String.fromCodePoint(s.codePointAt(p) ?? c));
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

interface TplState {
  mode: 'quote' | 'heredoc' | 'file';
  end: number;
  dedent: number;
}

export class Parser {
  private readonly src: string;
  private readonly file: SourceFile;
  private pos = 0;
  private t: T = T.EOF;
  private ts = 0;
  private te = 0;
  private skipNL = false;
  private depth = 0;
  private stripNext = false;

  constructor(file: SourceFile) {
    this.file = file;
    this.src = file.text;
  }

  // --- errors ------------------------------------------------------------------------------

  private fail(message: string, pos = this.ts): never {
    throw new HclSyntaxError(this.file, pos, message);
  }

  private found(): string {
    if (this.is(T.IDENT)) return `'${this.src.slice(this.ts, this.te)}'`;
    if (this.is(T.NUMBER)) return `number ${this.src.slice(this.ts, this.te)}`;
    return TOKEN_TEXT[this.t] ?? 'token';
  }

  private expect(t: T, what: string): void {
    if (this.tk() !== t) this.fail(`expected ${what}, found ${this.found()}`);
    this.scan();
  }

  // --- lexer ---------------------------------------------------------------------------------

  private is(t: T): boolean {
    return this.t === t;
  }

  /** The current token, skipping newlines where they are not significant. */
  private tk(): T {
    while (this.t === T.NL && this.skipNL) this.scan();
    return this.t;
  }

  private text(): string {
    return this.src.slice(this.ts, this.te);
  }

  private scan(): void {
    const s = this.src;
    const n = s.length;
    let p = this.pos;
    for (;;) {
      if (p >= n) {
        this.t = T.EOF;
        this.ts = this.te = this.pos = n;
        return;
      }
      const c = s.charCodeAt(p);
      if (c === 32 || c === 9 || c === 13) {
        p++;
        continue;
      }
      if (c === 10) {
        this.t = T.NL;
        this.ts = p;
        this.te = this.pos = p + 1;
        return;
      }
      if (c === 35 /* # */ || (c === 47 /* / */ && s.charCodeAt(p + 1) === 47)) {
        const e = s.indexOf('\n', p);
        p = e < 0 ? n : e;
        continue;
      }
      if (c === 47 && s.charCodeAt(p + 1) === 42 /* * */) {
        const e = s.indexOf('*/', p + 2);
        if (e < 0) this.fail('unterminated comment: expected */', p);
        p = e + 2;
        continue;
      }
      break;
    }
    this.ts = p;
    const c = s.charCodeAt(p);
    if (isIdStart(c, s, p)) {
      p++;
      while (p < n) {
        const d = s.charCodeAt(p);
        if (d < 128 ? ID_PART[d] !== 1 : !isIdPart(d, s, p)) break;
        p++;
      }
      this.t = T.IDENT;
      this.te = this.pos = p;
      return;
    }
    if (c >= 48 && c <= 57) {
      p++;
      while (p < n && isDigit(s.charCodeAt(p))) p++;
      if (s.charCodeAt(p) === 46 && isDigit(s.charCodeAt(p + 1))) {
        p += 2;
        while (p < n && isDigit(s.charCodeAt(p))) p++;
      }
      const e = s.charCodeAt(p);
      if (e === 101 || e === 69) {
        let q = p + 1;
        const sign = s.charCodeAt(q);
        if (sign === 43 || sign === 45) q++;
        if (isDigit(s.charCodeAt(q))) {
          q++;
          while (q < n && isDigit(s.charCodeAt(q))) q++;
          p = q;
        }
      }
      this.t = T.NUMBER;
      this.te = this.pos = p;
      return;
    }
    const c1 = s.charCodeAt(p + 1);
    let t: T;
    let len = 1;
    switch (c) {
      case 34: t = T.OQUOTE; break;
      case 123: t = T.LBRACE; break;
      case 125: t = T.RBRACE; break;
      case 126:
        if (c1 !== 125) this.fail("unexpected '~'", p);
        t = T.TRBRACE;
        len = 2;
        break;
      case 91: t = T.LBRACK; break;
      case 93: t = T.RBRACK; break;
      case 40: t = T.LPAREN; break;
      case 41: t = T.RPAREN; break;
      case 44: t = T.COMMA; break;
      case 46:
        if (c1 === 46 && s.charCodeAt(p + 2) === 46) {
          t = T.ELLIPSIS;
          len = 3;
        } else t = T.DOT;
        break;
      case 61:
        if (c1 === 61) { t = T.EQ; len = 2; }
        else if (c1 === 62) { t = T.ARROW; len = 2; }
        else t = T.ASSIGN;
        break;
      case 33:
        if (c1 === 61) { t = T.NE; len = 2; } else t = T.BANG;
        break;
      case 60:
        if (c1 === 61) { t = T.LE; len = 2; }
        else if (c1 === 60) {
          t = T.HEREDOC;
          len = 2;
        } else t = T.LT;
        break;
      case 62:
        if (c1 === 61) { t = T.GE; len = 2; } else t = T.GT;
        break;
      case 38:
        if (c1 !== 38) this.fail("unexpected '&' (did you mean '&&'?)", p);
        t = T.AND;
        len = 2;
        break;
      case 124:
        if (c1 !== 124) this.fail("unexpected '|' (did you mean '||'?)", p);
        t = T.OR;
        len = 2;
        break;
      case 43: t = T.PLUS; break;
      case 45: t = T.MINUS; break;
      case 42: t = T.STAR; break;
      case 47: t = T.SLASH; break;
      case 37: t = T.PERCENT; break;
      case 63: t = T.QUESTION; break;
      case 58:
        if (c1 === 58) { t = T.DCOLON; len = 2; } else t = T.COLON;
        break;
      default:
        this.fail(`unexpected character ${JSON.stringify(String.fromCodePoint(s.codePointAt(p) ?? c))}`, p);
    }
    this.t = t;
    this.te = this.pos = p + len;
  }

  // --- bodies --------------------------------------------------------------------------------

  /** A whole file: attributes and blocks. */
  parseFile(): Body {
    this.skipNL = false;
    this.scan();
    const body = this.parseBody(false, 0);
    if (!this.is(T.EOF)) this.fail(`expected an attribute or block, found ${this.found()}`);
    return body;
  }

  private parseBody(inBlock: boolean, openPos: number): Body {
    const body: Body = { attrs: new Map(), blocks: [] };
    for (;;) {
      const t = this.t;
      if (t === T.NL) {
        this.scan();
        continue;
      }
      if (t === T.EOF) {
        if (inBlock) this.fail(`expected '}' to close the block opened at line ${this.lineOf(openPos)}, found end of file`);
        return body;
      }
      if (t === T.RBRACE) {
        if (!inBlock) this.fail("unexpected '}'");
        return body;
      }
      if (t !== T.IDENT) this.fail(`expected an attribute or block, found ${this.found()}`);
      const name = this.text();
      const namePos = this.ts;
      this.scan();
      if (this.is(T.ASSIGN)) {
        this.scan();
        this.skipNewlines();
        const expr = this.parseExpr();
        if (!this.is(T.NL) && !this.is(T.EOF) && !this.is(T.RBRACE)) {
          this.fail(`expected a newline after the value of "${name}", found ${this.found()}`);
        }
        if (body.attrs.has(name)) this.fail(`attribute "${name}" is already set in this block`, namePos);
        body.attrs.set(name, { name, expr, p: namePos, file: this.file });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        if (this.is(T.IDENT)) {
          labels.push(this.text());
          this.scan();
        } else if (this.is(T.OQUOTE)) {
          labels.push(this.parseLabel());
        } else break;
      }
      if (!this.is(T.LBRACE)) {
        this.fail(
          labels.length === 0
            ? `expected '=' or '{' after "${name}", found ${this.found()}`
            : `expected '{' to open block "${name}", found ${this.found()}`,
        );
      }
      const open = this.ts;
      this.scan();
      if (++this.depth > MAX_DEPTH) this.fail('blocks nested too deeply');
      const inner = this.parseBody(true, open);
      this.depth--;
      this.scan(); // '}'
      if (!this.is(T.NL) && !this.is(T.EOF) && !this.is(T.RBRACE)) {
        this.fail(`expected a newline after the block "${name}", found ${this.found()}`);
      }
      body.blocks.push({ type: name, labels, body: inner, p: namePos, file: this.file });
    }
  }

  private lineOf(pos: number): number {
    let line = 1;
    for (let i = this.src.indexOf('\n'); i >= 0 && i < pos; i = this.src.indexOf('\n', i + 1)) line++;
    return line;
  }

  private parseLabel(): string {
    const p = this.ts;
    const e = this.parseQuoted();
    if (e.k !== 'lit' || typeof e.v !== 'string') this.fail('block labels must be plain strings, without interpolation', p);
    return e.v;
  }

  private skipNewlines(): void {
    while (this.is(T.NL)) this.scan();
  }

  // --- expressions ---------------------------------------------------------------------------

  /** A standalone expression (a `-var` value): the whole text must be one expression. */
  parseStandaloneExpr(): Expr {
    this.skipNL = true;
    this.scan();
    const e = this.parseExpr();
    if (this.tk() !== T.EOF) this.fail(`unexpected ${this.found()} after expression`);
    return e;
  }

  parseExpr(): Expr {
    if (++this.depth > MAX_DEPTH) this.fail('expression nested too deeply');
    const e = this.parseCond();
    this.depth--;
    return e;
  }

  private parseCond(): Expr {
    const c = this.parseBinary(0);
    if (this.tk() !== T.QUESTION) return c;
    this.scan();
    this.skipNewlines();
    const t = this.parseExpr();
    this.skipNLIfOperator(T.COLON);
    if (this.tk() !== T.COLON) this.fail(`expected ':' in conditional expression, found ${this.found()}`);
    this.scan();
    this.skipNewlines();
    const f = this.parseExpr();
    return { k: 'cond', p: c.p, c, t, f };
  }

  /** Lets `a ? b\n : c` through: looks past newlines only for the expected operator. */
  private skipNLIfOperator(t: T): void {
    if (!this.is(T.NL)) return;
    const save = this.save();
    while (this.is(T.NL)) this.scan();
    if (this.t !== t) this.restore(save);
  }

  private save(): [number, T, number, number] {
    return [this.pos, this.t, this.ts, this.te];
  }

  private restore(s: [number, T, number, number]): void {
    [this.pos, this.t, this.ts, this.te] = s;
  }

  private binOp(level: number): BinOp | null {
    const t = this.tk();
    switch (level) {
      case 0: return t === T.OR ? '||' : null;
      case 1: return t === T.AND ? '&&' : null;
      case 2: return t === T.EQ ? '==' : t === T.NE ? '!=' : null;
      case 3: return t === T.LT ? '<' : t === T.GT ? '>' : t === T.LE ? '<=' : t === T.GE ? '>=' : null;
      case 4: return t === T.PLUS ? '+' : t === T.MINUS ? '-' : null;
      case 5: return t === T.STAR ? '*' : t === T.SLASH ? '/' : t === T.PERCENT ? '%' : null;
    }
    return null;
  }

  private parseBinary(level: number): Expr {
    if (level === 6) return this.parseUnary();
    let l = this.parseBinary(level + 1);
    for (;;) {
      const op = this.binOp(level);
      if (!op) return l;
      this.scan();
      this.skipNewlines();
      const r = this.parseBinary(level + 1);
      l = { k: 'bin', p: l.p, op, l, r };
    }
  }

  private parseUnary(): Expr {
    const t = this.tk();
    if (t === T.BANG || t === T.MINUS) {
      const p = this.ts;
      this.scan();
      if (++this.depth > MAX_DEPTH) this.fail('expression nested too deeply');
      const e = this.parseUnary();
      this.depth--;
      if (t === T.MINUS) {
        if (e.k === 'lit' && typeof e.v === 'number') return { k: 'lit', p, v: -e.v };
        return { k: 'neg', p, e };
      }
      return { k: 'not', p, e };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(e: Expr): Expr {
    for (;;) {
      const t = this.tk();
      if (t === T.DOT) {
        const p = this.ts;
        this.scan();
        if (this.is(T.IDENT)) {
          e = { k: 'attr', p: e.p, obj: e, name: this.text() };
          this.scan();
        } else if (this.is(T.NUMBER)) {
          e = { k: 'index', p: e.p, obj: e, key: { k: 'lit', p: this.ts, v: Number(this.text()) } };
          this.scan();
        } else if (this.is(T.STAR)) {
          this.scan();
          // Indexes after an attribute-only splat apply to its result: a.*.b[0] is (a.*.b)[0].
          e = this.parseSplat(e, p, false);
        } else this.fail(`expected an attribute name after '.', found ${this.found()}`);
      } else if (t === T.LBRACK) {
        const p = this.ts;
        const saveNL = this.skipNL;
        this.skipNL = true;
        this.scan();
        if (this.tk() === T.STAR) {
          this.scan();
          if (this.tk() !== T.RBRACK) this.fail(`expected ']' after '[*', found ${this.found()}`);
          this.skipNL = saveNL;
          this.scan();
          return this.parseSplat(e, p, true);
        }
        const key = this.parseExpr();
        if (this.tk() !== T.RBRACK) this.fail(`expected ']' to close the index, found ${this.found()}`);
        this.skipNL = saveNL;
        this.scan();
        e = { k: 'index', p: e.p, obj: e, key };
      } else return e;
    }
  }

  /** After `[*]` every following traversal step applies to each element; after `.*` only `.attr`. */
  private parseSplat(src: Expr, p: number, full: boolean): Expr {
    let each: Expr = { k: 'item', p };
    if (full) each = this.parsePostfix(each);
    else {
      while (this.tk() === T.DOT) {
        const save = this.save();
        this.scan();
        if (this.is(T.IDENT)) {
          each = { k: 'attr', p, obj: each, name: this.text() };
          this.scan();
        } else if (this.is(T.NUMBER)) {
          each = { k: 'index', p, obj: each, key: { k: 'lit', p: this.ts, v: Number(this.text()) } };
          this.scan();
        } else {
          this.restore(save);
          break;
        }
      }
    }
    return { k: 'splat', p: src.p, src, each };
  }

  private parsePrimary(): Expr {
    const t = this.tk();
    const p = this.ts;
    switch (t) {
      case T.NUMBER: {
        const v = Number(this.text());
        this.scan();
        return { k: 'lit', p, v };
      }
      case T.IDENT: {
        const name = this.text();
        this.scan();
        if (name === 'true') return { k: 'lit', p, v: true };
        if (name === 'false') return { k: 'lit', p, v: false };
        if (name === 'null') return { k: 'lit', p, v: null };
        if (this.is(T.DCOLON)) {
          // provider::ns::fn(…) — provider-defined functions; kept by name, unknown at evaluation.
          let full = name;
          while (this.is(T.DCOLON)) {
            this.scan();
            if (!this.is(T.IDENT)) this.fail(`expected a function name after '::', found ${this.found()}`);
            full += `::${this.text()}`;
            this.scan();
          }
          if (!this.is(T.LPAREN)) this.fail(`expected '(' after function name ${full}, found ${this.found()}`);
          return this.parseCall(full, p);
        }
        if (this.is(T.LPAREN)) return this.parseCall(name, p);
        return { k: 'root', p, name };
      }
      case T.OQUOTE:
        return this.parseQuoted();
      case T.HEREDOC:
        return this.parseHeredoc();
      case T.LPAREN: {
        const saveNL = this.skipNL;
        this.skipNL = true;
        this.scan();
        const e = this.parseExpr();
        if (this.tk() !== T.RPAREN) this.fail(`expected ')' to close '(' at ${this.lineOf(p)}:${p - this.src.lastIndexOf('\n', p - 1)}, found ${this.found()}`);
        this.skipNL = saveNL;
        this.scan();
        return { k: 'paren', p, e };
      }
      case T.LBRACK:
        return this.parseTuple();
      case T.LBRACE:
        return this.parseObject();
      default:
        return this.fail(`expected an expression, found ${this.found()}`);
    }
  }

  private parseCall(name: string, p: number): Expr {
    const saveNL = this.skipNL;
    this.skipNL = true;
    this.scan(); // (
    const args: Expr[] = [];
    let expand = false;
    while (this.tk() !== T.RPAREN) {
      if (expand) this.fail(`expected ')' after '...' argument, found ${this.found()}`);
      args.push(this.parseExpr());
      if (this.tk() === T.ELLIPSIS) {
        expand = true;
        this.scan();
      }
      if (this.tk() === T.COMMA) this.scan();
      else if (this.tk() !== T.RPAREN) this.fail(`expected ',' or ')' in arguments of ${name}(), found ${this.found()}`);
    }
    this.skipNL = saveNL;
    this.scan();
    return { k: 'call', p, name, args, expand };
  }

  private isForKeyword(): boolean {
    if (this.tk() !== T.IDENT || this.te - this.ts !== 3 || this.text() !== 'for') return false;
    const save = this.save();
    this.scan();
    const ok = this.is(T.IDENT);
    this.restore(save);
    return ok;
  }

  private parseTuple(): Expr {
    const p = this.ts;
    const saveNL = this.skipNL;
    this.skipNL = true;
    this.scan();
    if (this.isForKeyword()) {
      const e = this.parseFor(p, false);
      this.skipNL = saveNL;
      return e;
    }
    const items: Expr[] = [];
    while (this.tk() !== T.RBRACK) {
      items.push(this.parseExpr());
      if (this.tk() === T.COMMA) this.scan();
      else if (this.tk() !== T.RBRACK) this.fail(`expected ',' or ']' in list, found ${this.found()}`);
    }
    this.skipNL = saveNL;
    this.scan();
    return { k: 'tuple', p, items };
  }

  private parseObject(): Expr {
    const p = this.ts;
    const saveNL = this.skipNL;
    this.skipNL = false;
    this.scan();
    this.skipNewlines();
    if (this.isForKeyword()) {
      this.skipNL = true;
      const e = this.parseFor(p, true);
      this.skipNL = saveNL;
      return e;
    }
    const items: ObjItem[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.is(T.RBRACE)) break;
      let key: Expr;
      if (this.is(T.IDENT)) {
        // A bare identifier key is a literal name, unless it starts a longer expression.
        const save = this.save();
        const name = this.text();
        const kp = this.ts;
        this.scan();
        if (this.is(T.ASSIGN) || this.is(T.COLON)) key = { k: 'lit', p: kp, v: name };
        else {
          this.restore(save);
          key = this.parseExpr();
        }
      } else key = this.parseExpr();
      if (!this.is(T.ASSIGN) && !this.is(T.COLON)) this.fail(`expected '=' after object key, found ${this.found()}`);
      this.scan();
      this.skipNewlines();
      const value = this.parseExpr();
      items.push({ key, value });
      if (this.is(T.COMMA)) this.scan();
      else if (!this.is(T.NL) && !this.is(T.RBRACE)) this.fail(`expected ',', newline or '}' after object item, found ${this.found()}`);
    }
    this.skipNL = saveNL;
    this.scan();
    return { k: 'object', p, items };
  }

  private parseFor(p: number, obj: boolean): Expr {
    this.scan(); // for
    let kv: string | null = null;
    if (this.tk() !== T.IDENT) this.fail(`expected a variable name after 'for', found ${this.found()}`);
    let vv = this.text();
    this.scan();
    if (this.tk() === T.COMMA) {
      this.scan();
      if (this.tk() !== T.IDENT) this.fail(`expected a second variable name, found ${this.found()}`);
      kv = vv;
      vv = this.text();
      this.scan();
    }
    if (this.tk() !== T.IDENT || this.text() !== 'in') this.fail(`expected 'in' in for expression, found ${this.found()}`);
    this.scan();
    const coll = this.parseExpr();
    this.expect(T.COLON, "':' after the collection of a for expression");
    let key: Expr | null = null;
    let val = this.parseExpr();
    let group = false;
    if (obj) {
      if (this.tk() !== T.ARROW) this.fail(`expected '=>' in object for expression, found ${this.found()}`);
      this.scan();
      key = val;
      val = this.parseExpr();
      if (this.tk() === T.ELLIPSIS) {
        group = true;
        this.scan();
      }
    }
    let cond: Expr | null = null;
    if (this.tk() === T.IDENT && this.text() === 'if') {
      this.scan();
      cond = this.parseExpr();
    }
    const close = obj ? T.RBRACE : T.RBRACK;
    if (this.tk() !== close) this.fail(`expected ${obj ? "'}'" : "']'"} to close the for expression, found ${this.found()}`);
    this.scan();
    return { k: 'for', p, kv, vv, coll, key, val, cond, group, obj };
  }

  // --- templates -----------------------------------------------------------------------------

  /** Current token is `"`: reads the quoted template and the token after it. */
  private parseQuoted(): Expr {
    const p = this.ts;
    const start = this.te;
    // Fast path: a string without escapes or interpolation.
    const s = this.src;
    let i = start;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        const v = s.slice(start, i);
        this.pos = i + 1;
        this.scan();
        return { k: 'lit', p, v };
      }
      if (c === 92 || c === 36 || c === 37 || c === 10 || i >= s.length) break;
      i++;
    }
    this.pos = start;
    const parts = this.tplTop({ mode: 'quote', end: s.length, dedent: 0 }, p);
    this.scan();
    return tplExpr(p, parts);
  }

  private parseHeredoc(): Expr {
    const p = this.ts;
    const s = this.src;
    let i = this.te;
    let flush = false;
    if (s.charCodeAt(i) === 45) {
      flush = true;
      i++;
    }
    const ms = i;
    while (i < s.length && (s.charCodeAt(i) < 128 ? ID_PART[s.charCodeAt(i)] === 1 : isIdPart(s.charCodeAt(i), s, i))) i++;
    const marker = s.slice(ms, i);
    if (!marker) this.fail("expected a heredoc marker after '<<'", p);
    while (isWs(s.charCodeAt(i)) && s.charCodeAt(i) !== 10) i++;
    if (s.charCodeAt(i) !== 10) this.fail(`expected a newline after heredoc marker ${marker}`, i);
    const contentStart = i + 1;
    // Find the closing marker line and the common indentation.
    let lineStart = contentStart;
    let minIndent = Infinity;
    let endLine = -1;
    let afterMarker = -1;
    while (lineStart <= s.length) {
      let nl = s.indexOf('\n', lineStart);
      if (nl < 0) nl = s.length;
      let j = lineStart;
      while (j < nl && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
      let k = nl;
      while (k > j && isWs(s.charCodeAt(k - 1))) k--;
      if (k - j === marker.length && s.startsWith(marker, j)) {
        endLine = lineStart;
        afterMarker = j + marker.length;
        break;
      }
      if (j < k && j - lineStart < minIndent) minIndent = j - lineStart;
      if (nl >= s.length) break;
      lineStart = nl + 1;
    }
    if (endLine < 0) this.fail(`unterminated heredoc: no closing ${marker} line`, p);
    this.pos = contentStart;
    const parts = this.tplTop({ mode: 'heredoc', end: endLine, dedent: flush && minIndent !== Infinity ? minIndent : 0 }, p);
    this.pos = afterMarker;
    this.scan();
    return tplExpr(p, parts);
  }

  /** A whole file as a template (templatefile). */
  parseTemplateFile(): Expr {
    this.pos = 0;
    const parts = this.tplTop({ mode: 'file', end: this.src.length, dedent: 0 }, 0);
    return tplExpr(0, parts);
  }

  private tplTop(st: TplState, p: number): TplPart[] {
    this.stripNext = false;
    const saveNL = this.skipNL;
    const r = this.tplSeq(st);
    this.skipNL = saveNL;
    if (r.stop !== 'end') this.fail(`unexpected %{ ${r.stop} } without a matching opening directive`, r.pos);
    void p;
    return r.parts;
  }

  /** Reads template parts from this.pos until the end or an else/endif/endfor directive. */
  private tplSeq(st: TplState): { parts: TplPart[]; stop: 'end' | 'else' | 'endif' | 'endfor'; pos: number } {
    const s = this.src;
    const parts: TplPart[] = [];
    let lit = '';
    let atLineStart = st.mode === 'heredoc';
    const flushLit = (): void => {
      if (this.stripNext) {
        lit = lit.replace(/^\s+/, '');
        this.stripNext = false;
      }
      if (lit) parts.push(lit);
      lit = '';
    };
    let p = this.pos;
    const end = st.end;
    for (;;) {
      if (atLineStart && st.dedent > 0) {
        let k = 0;
        while (k < st.dedent && p < end && (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 9)) {
          p++;
          k++;
        }
      }
      atLineStart = false;
      const runStart = p;
      let c = 0;
      while (p < end) {
        c = s.charCodeAt(p);
        if (c === 36 || c === 37 || c === 10 || c === 34 || c === 92) break;
        p++;
      }
      if (p > runStart) lit += s.slice(runStart, p);
      if (p >= end) {
        if (st.mode === 'quote') this.fail('unterminated string: expected \'"\'', p);
        flushLit();
        this.pos = p;
        return { parts, stop: 'end', pos: p };
      }
      if (c === 10) {
        if (st.mode === 'quote') this.fail('unterminated string: a quoted string cannot span lines (use a heredoc)', p);
        lit += '\n';
        p++;
        atLineStart = true;
        continue;
      }
      if (c === 34) {
        if (st.mode === 'quote') {
          flushLit();
          this.pos = p + 1;
          return { parts, stop: 'end', pos: p };
        }
        lit += '"';
        p++;
        continue;
      }
      if (c === 92) {
        if (st.mode !== 'quote') {
          lit += '\\';
          p++;
          continue;
        }
        const e = s.charCodeAt(p + 1);
        switch (e) {
          case 110: lit += '\n'; p += 2; break;
          case 114: lit += '\r'; p += 2; break;
          case 116: lit += '\t'; p += 2; break;
          case 34: lit += '"'; p += 2; break;
          case 92: lit += '\\'; p += 2; break;
          case 117:
          case 85: {
            const len = e === 117 ? 4 : 8;
            const hex = s.slice(p + 2, p + 2 + len);
            if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) this.fail(`invalid escape \\${String.fromCharCode(e)}${hex}`, p);
            lit += String.fromCodePoint(parseInt(hex, 16));
            p += 2 + len;
            break;
          }
          default:
            this.fail(`invalid escape sequence \\${s[p + 1] ?? ''} (use \\\\ for a backslash)`, p);
        }
        continue;
      }
      // '$' or '%'
      const next = s.charCodeAt(p + 1);
      if (next === c && s.charCodeAt(p + 2) === 123) {
        // $${ and %%{ are literal ${ and %{
        lit += c === 36 ? '${' : '%{';
        p += 3;
        continue;
      }
      if (next !== 123) {
        lit += s[p];
        p++;
        continue;
      }
      const open = p;
      p += 2;
      if (s.charCodeAt(p) === 126) {
        lit = lit.replace(/\s+$/, '');
        p++;
      }
      flushLit();
      this.stripNext = false;
      this.pos = p;
      this.skipNL = true;
      this.scan();
      if (c === 36) {
        const e = this.parseExpr();
        this.closeTemplateSeq('interpolation', open);
        parts.push({ k: 'interp', p: open + 2, e });
        p = this.pos;
        continue;
      }
      // Directive.
      if (this.tk() !== T.IDENT) this.fail(`expected if, for, else, endif or endfor after '%{', found ${this.found()}`);
      const word = this.text();
      if (word === 'else' || word === 'endif' || word === 'endfor') {
        this.scan();
        this.closeTemplateSeq(word, open);
        return { parts, stop: word, pos: open };
      }
      if (word === 'if') {
        this.scan();
        const cond = this.parseExpr();
        this.closeTemplateSeq('if', open);
        const a = this.tplSeq(st);
        let elseParts: TplPart[] | null = null;
        let stop = a.stop;
        if (stop === 'else') {
          const b = this.tplSeq(st);
          elseParts = b.parts;
          stop = b.stop;
        }
        if (stop !== 'endif') this.fail(stop === 'end' ? 'missing %{ endif } for this %{ if }' : `unexpected %{ ${stop} } inside %{ if }`, stop === 'end' ? open : a.pos);
        parts.push({ k: 'if', p: open, c: cond, then: a.parts, else: elseParts });
        p = this.pos;
        continue;
      }
      if (word === 'for') {
        this.scan();
        if (this.tk() !== T.IDENT) this.fail(`expected a variable name after 'for', found ${this.found()}`);
        let kv: string | null = null;
        let vv = this.text();
        this.scan();
        if (this.tk() === T.COMMA) {
          this.scan();
          if (this.tk() !== T.IDENT) this.fail(`expected a second variable name, found ${this.found()}`);
          kv = vv;
          vv = this.text();
          this.scan();
        }
        if (this.tk() !== T.IDENT || this.text() !== 'in') this.fail(`expected 'in' in %{ for }, found ${this.found()}`);
        this.scan();
        const coll = this.parseExpr();
        this.closeTemplateSeq('for', open);
        const b = this.tplSeq(st);
        if (b.stop !== 'endfor') this.fail(b.stop === 'end' ? 'missing %{ endfor } for this %{ for }' : `unexpected %{ ${b.stop} } inside %{ for }`, b.stop === 'end' ? open : b.pos);
        parts.push({ k: 'tfor', p: open, kv, vv, coll, body: b.parts });
        p = this.pos;
        continue;
      }
      this.fail(`unknown template directive "${word}" (expected if, for, else, endif or endfor)`);
    }
  }

  /** Expects `}` or `~}` closing `${…}` or `%{…}`; leaves this.pos right after it. */
  private closeTemplateSeq(what: string, open: number): void {
    const t = this.tk();
    if (t !== T.RBRACE && t !== T.TRBRACE) {
      this.fail(`expected '}' to close the ${what} at ${this.lineOf(open)}:${open - this.src.lastIndexOf('\n', open - 1)}, found ${this.found()}`);
    }
    if (t === T.TRBRACE) this.stripNext = true;
    this.pos = this.te;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function tplExpr(p: number, parts: TplPart[]): Expr {
  if (parts.length === 0) return { k: 'lit', p, v: '' };
  if (parts.length === 1 && typeof parts[0] === 'string') return { k: 'lit', p, v: parts[0] };
  // "${x}" alone is x itself, not its string form (HCL's template wrap).
  if (parts.length === 1 && typeof parts[0] !== 'string' && parts[0].k === 'interp') return { k: 'paren', p, e: parts[0].e };
  return { k: 'tpl', p, parts };
}

export function parseHclFile(file: SourceFile): Body {
  return new Parser(file).parseFile();
}

export function parseHclExpression(file: SourceFile): Expr {
  return new Parser(file).parseStandaloneExpr();
}

export function parseTemplate(file: SourceFile): Expr {
  return new Parser(file).parseTemplateFile();
}

