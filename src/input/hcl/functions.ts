/**
 * Terraform's built-in functions (the pure ones, plus file reading relative to the root module).
 * A function that needs a value that is UNKNOWN throws UNKNOWN_RESULT through the value helpers,
 * which makes the call's result UNKNOWN; a misuse throws FnError, which the evaluator reports
 * with the call's location. `try`, `can` and `templatefile` need unevaluated arguments or the
 * evaluator and live in eval.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import * as nodePath from 'node:path';
import { UNKNOWN } from '../types.js';
import {
  FnError,
  UNKNOWN_RESULT,
  compareStrings,
  equal,
  isObject,
  known,
  numToStr,
  sortedKeys,
  toBool,
  toList,
  toNum,
  toObj,
  toSetValue,
  toStr,
  typeName,
  type ObjectValue,
  type Value,
} from './values.js';

export const MAX_RANGE = 1_000_000;

export interface FnContext {
  /** Directory relative paths in file() and friends are resolved against (the root module). */
  baseDir: string;
  /** Counts work done, throwing when an evaluation grows beyond reason. */
  spend(n: number): void;
}

export interface FnDef {
  min: number;
  /** -1: variadic. */
  max: number;
  fn: (args: Value[], ctx: FnContext) => Value;
}

export function setKey(o: ObjectValue, k: string, v: Value): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

function int(v: Value, what: string): number {
  const n = toNum(v, what);
  if (!Number.isInteger(n)) throw new FnError(`${what} must be a whole number, got ${numToStr(n)}`);
  return n;
}

function chars(s: string): string[] {
  return Array.from(s);
}

// --- JSON ----------------------------------------------------------------------------------------

function jsonEncode(v: Value): string {
  if (v === UNKNOWN) throw UNKNOWN_RESULT;
  if (v === null) return 'null';
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? numToStr(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(jsonEncode).join(',')}]`;
  const o = v as ObjectValue;
  return `{${sortedKeys(o).map((k) => `${jsonString(k)}:${jsonEncode(o[k])}`).join(',')}}`;
}

function jsonString(s: string): string {
  // Go's encoding/json escapes <, > and & as Terraform's jsonencode shows.
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fromJson(x: unknown): Value {
  if (x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
  if (Array.isArray(x)) return x.map(fromJson);
  const o: ObjectValue = {};
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) setKey(o, k, fromJson(v));
  return o;
}

// --- format --------------------------------------------------------------------------------------

function formatGo(fmt: string, args: Value[]): string {
  let out = '';
  let argi = 0;
  const re = /%([-+# 0]*)(\[\d+\])?(\d+|\*)?(?:\.(\d*))?([a-zA-Z%])/g;
  let last = 0;
  for (let m = re.exec(fmt); m; m = re.exec(fmt)) {
    out += fmt.slice(last, m.index);
    last = re.lastIndex;
    const [, flags, argIndex, widthS, precS, verb] = m;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argIndex) argi = Number(argIndex.slice(1, -1)) - 1;
    if (argi >= args.length) throw new FnError(`format: not enough arguments for "${m[0]}"`);
    const arg = args[argi++];
    if (arg === UNKNOWN) throw UNKNOWN_RESULT;
    const width = widthS ? Number(widthS) : 0;
    if (width > 100_000 || (precS !== undefined && Number(precS) > 100_000)) throw new FnError(`format: width or precision in "${m[0]}" is too large`);
    const prec = precS === undefined ? undefined : Number(precS || '0');
    let s: string;
    switch (verb) {
      case 'v':
        s = flags.includes('#') || (arg !== null && typeof arg === 'object') ? jsonEncode(arg) : arg === null ? 'null' : toStr(arg);
        break;
      case 's':
        s = toStr(arg, 'format argument');
        if (prec !== undefined) s = chars(s).slice(0, prec).join('');
        break;
      case 'q':
        s = JSON.stringify(toStr(arg, 'format argument'));
        break;
      case 't':
        s = toBool(arg, 'format argument') ? 'true' : 'false';
        break;
      case 'd': {
        const n = toNum(arg, 'format argument');
        if (!Number.isInteger(n)) throw new FnError(`format: %d requires a whole number, got ${numToStr(n)}`);
        s = sign(n, flags) + Math.abs(n).toString();
        break;
      }
      case 'b':
      case 'o':
      case 'x':
      case 'X': {
        const n = toNum(arg, 'format argument');
        if (!Number.isInteger(n)) throw new FnError(`format: %${verb} requires a whole number`);
        const radix = verb === 'b' ? 2 : verb === 'o' ? 8 : 16;
        s = Math.abs(n).toString(radix);
        if (verb === 'X') s = s.toUpperCase();
        s = sign(n, flags) + s;
        break;
      }
      case 'e':
      case 'E': {
        const n = toNum(arg, 'format argument');
        s = Math.abs(n).toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
        if (verb === 'E') s = s.toUpperCase();
        s = sign(n, flags) + s;
        break;
      }
      case 'f':
      case 'F': {
        const n = toNum(arg, 'format argument');
        s = sign(n, flags) + Math.abs(n).toFixed(prec ?? 6);
        break;
      }
      case 'g':
      case 'G': {
        const n = toNum(arg, 'format argument');
        s = sign(n, flags) + (prec === undefined ? String(Math.abs(n)) : String(Number(Math.abs(n).toPrecision(prec || 1))));
        break;
      }
      default:
        throw new FnError(`format: unsupported verb %${verb}`);
    }
    if (s.length < width) {
      if (flags.includes('-')) s = s.padEnd(width);
      else if (flags.includes('0') && 'dbfFeEgGxXo'.includes(verb)) {
        const neg = /^[+-]/.test(s) ? s[0] : '';
        s = neg + s.slice(neg.length).padStart(width - neg.length, '0');
      } else s = s.padStart(width);
    }
    out += s;
  }
  out += fmt.slice(last);
  return out;
}

function sign(n: number, flags: string): string {
  return n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
}

// --- regular expressions (RE2 syntax, mostly shared with JavaScript) ----------------------------------

function goRegex(pattern: string, flags = ''): RegExp {
  let p = pattern.replace(/\(\?P</g, '(?<');
  let f = flags;
  const m = /^\(\?([imsU]+)\)/.exec(p);
  if (m) {
    p = p.slice(m[0].length);
    for (const c of m[1]) if (c !== 'U' && !f.includes(c)) f += c;
  }
  try {
    return new RegExp(p, f + 'u');
  } catch (err) {
    throw new FnError(`invalid regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}`);
  }
}

function regexResult(m: RegExpExecArray): Value {
  if (m.groups && Object.keys(m.groups).length > 0) {
    const o: ObjectValue = {};
    for (const [k, v] of Object.entries(m.groups)) setKey(o, k, v ?? null);
    return o;
  }
  if (m.length > 1) return m.slice(1).map((x) => x ?? null);
  return m[0];
}

// --- CIDR ----------------------------------------------------------------------------------------

interface Cidr {
  v6: boolean;
  addr: bigint;
  len: number;
}

function parseIp(s: string): { v6: boolean; addr: bigint } {
  if (s.includes(':')) {
    let head = s;
    let tailV4: bigint | null = null;
    const v4m = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
    if (v4m) {
      tailV4 = parseIp(v4m[1]).addr;
      head = s.slice(0, -v4m[1].length) + '0:0';
    }
    const halves = head.split('::');
    if (halves.length > 2) throw new FnError(`invalid IP address ${JSON.stringify(s)}`);
    const a = halves[0] ? halves[0].split(':') : [];
    const b = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
    const missing = 8 - a.length - b.length;
    if (halves.length === 1 ? missing !== 0 : missing < 1) throw new FnError(`invalid IP address ${JSON.stringify(s)}`);
    const groups = [...a, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...b];
    let addr = 0n;
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw new FnError(`invalid IP address ${JSON.stringify(s)}`);
      addr = (addr << 16n) | BigInt(parseInt(g, 16));
    }
    if (tailV4 !== null) addr = (addr & ~0xffffffffn) | tailV4;
    return { v6: true, addr };
  }
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((x) => !/^\d{1,3}$/.test(x) || Number(x) > 255)) {
    throw new FnError(`invalid IP address ${JSON.stringify(s)}`);
  }
  return { v6: false, addr: parts.reduce((acc, x) => (acc << 8n) | BigInt(Number(x)), 0n) };
}

function parseCidr(s: string): Cidr {
  const i = s.indexOf('/');
  if (i < 0) throw new FnError(`invalid CIDR address ${JSON.stringify(s)}: missing prefix length`);
  const { v6, addr } = parseIp(s.slice(0, i));
  const lenS = s.slice(i + 1);
  const len = Number(lenS);
  if (!/^\d+$/.test(lenS) || len > (v6 ? 128 : 32)) throw new FnError(`invalid CIDR address ${JSON.stringify(s)}`);
  const bits = BigInt(v6 ? 128 : 32);
  const mask = ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(len))) - 1n);
  return { v6, addr: addr & mask, len };
}

function formatIp(v6: boolean, addr: bigint): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((sh) => String((addr >> sh) & 255n)).join('.');
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((addr >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: compress the longest run (≥ 2) of zero groups.
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function subnet(c: Cidr, newbits: number, netnum: bigint): Cidr {
  const total = c.v6 ? 128 : 32;
  const len = c.len + newbits;
  if (newbits < 0 || len > total) throw new FnError(`insufficient address space to extend prefix of ${c.len} by ${newbits}`);
  if (netnum < 0n || netnum >= 1n << BigInt(newbits)) throw new FnError(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  return { v6: c.v6, addr: c.addr | (netnum << BigInt(total - len)), len };
}

// --- misc ------------------------------------------------------------------------------------------

function urlEncode(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function flattenInto(v: Value[], out: Value[], ctx: FnContext): void {
  for (const x of v) {
    if (x === UNKNOWN) throw UNKNOWN_RESULT;
    if (Array.isArray(x)) flattenInto(x, out, ctx);
    else out.push(x);
  }
  ctx.spend(v.length);
}

function resolvePath(ctx: FnContext, p: string): string {
  return nodePath.resolve(ctx.baseDir, p.startsWith('~/') ? nodePath.join(homedir(), p.slice(2)) : p);
}

export function readFileArg(ctx: FnContext, v: Value, fn: string): string {
  const p = toStr(v, `${fn} path`);
  const full = resolvePath(ctx, p);
  try {
    return readFileSync(full, 'utf8');
  } catch {
    throw new FnError(`${fn}: no file exists at ${JSON.stringify(p)}`);
  }
}

function hash(alg: string, enc: 'hex' | 'base64'): FnDef {
  return { min: 1, max: 1, fn: ([s]) => createHash(alg).update(toStr(s)).digest(enc) };
}

function numbers(args: Value[], fn: string): number[] {
  if (args.length === 0) throw new FnError(`${fn} needs at least one argument`);
  return args.map((a) => toNum(a, `${fn} argument`));
}

function sliceArgs(len: number, s: Value, e: Value): [number, number] {
  const a = int(s, 'start index');
  const b = int(e, 'end index');
  if (a < 0 || b > len || a > b) throw new FnError(`slice indexes ${a}..${b} are out of range for a list of ${len}`);
  return [a, b];
}

const unknownFn: FnDef = { min: 0, max: -1, fn: () => UNKNOWN };

export const FUNCTIONS: Record<string, FnDef> = {
  // numeric
  abs: { min: 1, max: 1, fn: ([n]) => Math.abs(toNum(n)) },
  ceil: { min: 1, max: 1, fn: ([n]) => Math.ceil(toNum(n)) },
  floor: { min: 1, max: 1, fn: ([n]) => Math.floor(toNum(n)) },
  log: { min: 2, max: 2, fn: ([n, b]) => Math.log(toNum(n)) / Math.log(toNum(b)) },
  pow: { min: 2, max: 2, fn: ([a, b]) => Math.pow(toNum(a), toNum(b)) },
  signum: { min: 1, max: 1, fn: ([n]) => Math.sign(toNum(n)) },
  min: { min: 1, max: -1, fn: (args) => Math.min(...numbers(args, 'min')) },
  max: { min: 1, max: -1, fn: (args) => Math.max(...numbers(args, 'max')) },
  sum: {
    min: 1,
    max: 1,
    fn: ([l]) => {
      const list = toList(l, 'sum argument');
      if (list.length === 0) throw new FnError('sum: cannot sum an empty list');
      return list.reduce<number>((acc, x) => acc + toNum(x, 'sum element'), 0);
    },
  },
  parseint: {
    min: 2,
    max: 2,
    fn: ([s, b]) => {
      const base = int(b, 'base');
      const str = toStr(s);
      if (base < 2 || base > 62) throw new FnError('parseint: base must be between 2 and 62');
      const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, base);
      const body = str.replace(/^[-+]/, '');
      const lower = base <= 36 ? body.toLowerCase() : body;
      if (!body || [...lower].some((c) => !digits.includes(c))) throw new FnError(`parseint: cannot parse ${JSON.stringify(str)} as a base ${base} integer`);
      const n = [...lower].reduce((acc, c) => acc * base + digits.indexOf(c), 0);
      return str.startsWith('-') ? -n : n;
    },
  },

  // strings
  chomp: { min: 1, max: 1, fn: ([s]) => toStr(s).replace(/(\r\n|\n|\r)+$/, '') },
  endswith: { min: 2, max: 2, fn: ([s, x]) => toStr(s).endsWith(toStr(x)) },
  startswith: { min: 2, max: 2, fn: ([s, x]) => toStr(s).startsWith(toStr(x)) },
  strcontains: { min: 2, max: 2, fn: ([s, x]) => toStr(s).includes(toStr(x)) },
  format: { min: 1, max: -1, fn: ([f, ...rest]) => formatGo(toStr(f, 'format string'), rest) },
  formatlist: {
    min: 1,
    max: -1,
    fn: ([f, ...rest]) => {
      const fmt = toStr(f, 'format string');
      let n = -1;
      for (const a of rest) {
        if (a === UNKNOWN) throw UNKNOWN_RESULT;
        if (Array.isArray(a)) {
          if (n >= 0 && a.length !== n) throw new FnError('formatlist: all list arguments must have the same length');
          n = a.length;
        }
      }
      if (n < 0) n = 1;
      const out: Value[] = [];
      for (let i = 0; i < n; i++) out.push(formatGo(fmt, rest.map((a) => (Array.isArray(a) ? a[i] : a))));
      return out;
    },
  },
  indent: {
    min: 2,
    max: 2,
    fn: ([n, s]) => toStr(s).replace(/\n/g, `\n${' '.repeat(int(n, 'indent spaces'))}`),
  },
  join: {
    min: 2,
    max: -1,
    fn: ([sep, ...lists], ctx) => {
      const parts: string[] = [];
      for (const l of lists) for (const x of toList(l, 'join list')) parts.push(toStr(x, 'join element'));
      ctx.spend(parts.length);
      return parts.join(toStr(sep));
    },
  },
  split: {
    min: 2,
    max: 2,
    fn: ([sep, s], ctx) => {
      const out = toStr(s).split(toStr(sep));
      ctx.spend(out.length);
      return out;
    },
  },
  lower: { min: 1, max: 1, fn: ([s]) => toStr(s).toLowerCase() },
  upper: { min: 1, max: 1, fn: ([s]) => toStr(s).toUpperCase() },
  title: { min: 1, max: 1, fn: ([s]) => toStr(s).replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()) },
  strrev: { min: 1, max: 1, fn: ([s]) => chars(toStr(s)).reverse().join('') },
  substr: {
    min: 3,
    max: 3,
    fn: ([s, o, l]) => {
      const cs = chars(toStr(s));
      let off = int(o, 'offset');
      let len = int(l, 'length');
      if (off < 0) off = Math.max(0, cs.length + off);
      if (off > cs.length) throw new FnError('substr: offset is beyond the end of the string');
      if (len < 0) len = cs.length - off;
      return cs.slice(off, off + len).join('');
    },
  },
  replace: {
    min: 3,
    max: 3,
    fn: ([s, sub, rep]) => {
      const str = toStr(s);
      const from = toStr(sub);
      const to = toStr(rep);
      if (from.length > 1 && from.startsWith('/') && from.endsWith('/')) {
        const re = goRegex(from.slice(1, -1), 'g');
        return str.replace(re, to.replace(/\$\{(\w+)\}/g, (_, n: string) => (/^\d+$/.test(n) ? `$${n}` : `$<${n}>`)));
      }
      if (from === '') return str;
      return str.split(from).join(to);
    },
  },
  regex: {
    min: 2,
    max: 2,
    fn: ([p, s]) => {
      const m = goRegex(toStr(p)).exec(toStr(s));
      if (!m) throw new FnError('regex: pattern did not match the string');
      return regexResult(m);
    },
  },
  regexall: {
    min: 2,
    max: 2,
    fn: ([p, s]) => {
      const re = goRegex(toStr(p), 'g');
      return [...toStr(s).matchAll(re)].map((m) => regexResult(m as RegExpExecArray));
    },
  },
  trim: {
    min: 2,
    max: 2,
    fn: ([s, cut]) => {
      const set = new Set(chars(toStr(cut)));
      const cs = chars(toStr(s));
      let a = 0;
      let b = cs.length;
      while (a < b && set.has(cs[a])) a++;
      while (b > a && set.has(cs[b - 1])) b--;
      return cs.slice(a, b).join('');
    },
  },
  trimprefix: { min: 2, max: 2, fn: ([s, x]) => (toStr(s).startsWith(toStr(x)) ? toStr(s).slice(toStr(x).length) : toStr(s)) },
  trimsuffix: {
    min: 2,
    max: 2,
    fn: ([s, x]) => {
      const str = toStr(s);
      const suf = toStr(x);
      return suf && str.endsWith(suf) ? str.slice(0, str.length - suf.length) : str;
    },
  },
  trimspace: { min: 1, max: 1, fn: ([s]) => toStr(s).trim() },

  // collections
  alltrue: { min: 1, max: 1, fn: ([l]) => toList(l).every((x) => toBool(x)) },
  anytrue: {
    min: 1,
    max: 1,
    fn: ([l]) => {
      let unknown = false;
      for (const x of toList(l)) {
        if (x === UNKNOWN) unknown = true;
        else if (toBool(x)) return true;
      }
      if (unknown) throw UNKNOWN_RESULT;
      return false;
    },
  },
  chunklist: {
    min: 2,
    max: 2,
    fn: ([l, n]) => {
      const list = toList(l);
      const size = int(n, 'chunk size');
      if (size < 0) throw new FnError('chunklist: size must not be negative');
      if (size === 0) return [list];
      const out: Value[] = [];
      for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
      return out;
    },
  },
  coalesce: {
    min: 1,
    max: -1,
    fn: (args) => {
      for (const a of args) {
        if (a === UNKNOWN) throw UNKNOWN_RESULT;
        if (a !== null && a !== '') return a;
      }
      throw new FnError('coalesce: no non-null, non-empty argument');
    },
  },
  coalescelist: {
    min: 1,
    max: -1,
    fn: (args) => {
      for (const a of args) {
        const l = toList(a, 'coalescelist argument');
        if (l.length > 0) return l;
      }
      throw new FnError('coalescelist: no non-empty list argument');
    },
  },
  compact: {
    min: 1,
    max: 1,
    fn: ([l]) => toList(l).filter((x) => known(x) !== null && x !== ''),
  },
  concat: {
    min: 1,
    max: -1,
    fn: (args, ctx) => {
      const out: Value[] = [];
      for (const a of args) out.push(...toList(a, 'concat argument'));
      ctx.spend(out.length);
      return out;
    },
  },
  contains: {
    min: 2,
    max: 2,
    fn: ([l, v]) => {
      let unknown = false;
      for (const x of toList(l)) {
        try {
          if (equal(x, v)) return true;
        } catch (err) {
          if (err !== UNKNOWN_RESULT) throw err;
          unknown = true;
        }
      }
      if (unknown) throw UNKNOWN_RESULT;
      return false;
    },
  },
  distinct: {
    min: 1,
    max: 1,
    fn: ([l]) => {
      const out: Value[] = [];
      for (const x of toList(l)) if (!out.some((y) => equal(x, y))) out.push(x);
      return out;
    },
  },
  element: {
    min: 2,
    max: 2,
    fn: ([l, i]) => {
      const list = toList(l);
      const idx = int(i, 'index');
      if (list.length === 0) throw new FnError('element: cannot use element on an empty list');
      if (idx < 0) throw new FnError('element: index must not be negative');
      return list[idx % list.length];
    },
  },
  flatten: {
    min: 1,
    max: 1,
    fn: ([l], ctx) => {
      const out: Value[] = [];
      flattenInto(toList(l), out, ctx);
      return out;
    },
  },
  index: {
    min: 2,
    max: 2,
    fn: ([l, v]) => {
      const i = toList(l).findIndex((x) => equal(x, v));
      if (i < 0) throw new FnError('index: the given value is not in the list');
      return i;
    },
  },
  keys: { min: 1, max: 1, fn: ([m]) => sortedKeys(toObj(m)) },
  values: {
    min: 1,
    max: 1,
    fn: ([m]) => {
      const o = toObj(m);
      return sortedKeys(o).map((k) => o[k]);
    },
  },
  length: {
    min: 1,
    max: 1,
    fn: ([v]) => {
      if (typeof v === 'string') return /[\uD800-\uDFFF]/.test(v) ? chars(v).length : v.length;
      if (Array.isArray(v)) return v.length;
      if (isObject(v)) return Object.keys(v).length;
      if (v === UNKNOWN) throw UNKNOWN_RESULT;
      throw new FnError(`length: argument is a ${typeName(v)}; a string, list or map is required`);
    },
  },
  lookup: {
    min: 2,
    max: 3,
    fn: ([m, k, d]) => {
      const o = toObj(m, 'lookup map');
      const key = toStr(k, 'lookup key');
      if (Object.hasOwn(o, key)) return o[key];
      if (d !== undefined) return d;
      throw new FnError(`lookup: the map has no key ${JSON.stringify(key)} and no default was given`);
    },
  },
  matchkeys: {
    min: 3,
    max: 3,
    fn: ([vals, ks, search]) => {
      const v = toList(vals);
      const k = toList(ks);
      const s = toList(search);
      if (v.length !== k.length) throw new FnError('matchkeys: values and keys must have the same length');
      return v.filter((_, i) => s.some((x) => equal(x, k[i])));
    },
  },
  merge: {
    min: 0,
    max: -1,
    fn: (args) => {
      const out: ObjectValue = {};
      for (const a of args) {
        if (a === null) continue;
        const o = toObj(a, 'merge argument');
        for (const k of Object.keys(o)) setKey(out, k, o[k]);
      }
      return out;
    },
  },
  one: {
    min: 1,
    max: 1,
    fn: ([l]) => {
      if (l === null) return null;
      const list = toList(l);
      if (list.length > 1) throw new FnError(`one: the list has ${list.length} elements; at most one is allowed`);
      return list.length === 0 ? null : list[0];
    },
  },
  range: {
    min: 1,
    max: 3,
    fn: (args, ctx) => {
      const n = args.map((a) => toNum(a, 'range argument'));
      const [start, limit, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? (n[0] <= n[1] ? 1 : -1)];
      if (step === 0) throw new FnError('range: step must not be zero');
      if ((step > 0 && start > limit) || (step < 0 && start < limit)) {
        throw new FnError('range: the step must move from start towards the limit');
      }
      const count = Math.max(0, Math.ceil((limit - start) / step));
      if (count > MAX_RANGE) throw new FnError(`range: would produce ${count} elements, more than the ${MAX_RANGE} allowed`);
      ctx.spend(count);
      const out: number[] = [];
      for (let i = 0; i < count; i++) out.push(start + i * step);
      return out;
    },
  },
  reverse: { min: 1, max: 1, fn: ([l]) => [...toList(l)].reverse() },
  setintersection: {
    min: 1,
    max: -1,
    fn: (args) => {
      const sets = args.map((a) => toSetValue(toList(a)));
      return toSetValue(sets[0].filter((x) => sets.every((s) => s.some((y) => equal(x, y)))));
    },
  },
  setsubtract: {
    min: 2,
    max: 2,
    fn: ([a, b]) => {
      const sb = toSetValue(toList(b));
      return toSetValue(toList(a).filter((x) => !sb.some((y) => equal(x, y))));
    },
  },
  setunion: { min: 1, max: -1, fn: (args) => toSetValue(args.flatMap((a) => toList(a))) },
  setproduct: {
    min: 1,
    max: -1,
    fn: (args, ctx) => {
      let out: Value[][] = [[]];
      for (const a of args) {
        const l = toList(a);
        out = out.flatMap((prefix) => l.map((x) => [...prefix, x]));
        ctx.spend(out.length);
      }
      return out;
    },
  },
  slice: {
    min: 3,
    max: 3,
    fn: ([l, s, e]) => {
      const list = toList(l);
      const [a, b] = sliceArgs(list.length, s, e);
      return list.slice(a, b);
    },
  },
  sort: {
    min: 1,
    max: 1,
    fn: ([l]) => toList(l).map((x) => toStr(x, 'sort element')).sort(compareStrings),
  },
  transpose: {
    min: 1,
    max: 1,
    fn: ([m]) => {
      const o = toObj(m);
      const out: Record<string, string[]> = {};
      for (const k of sortedKeys(o)) {
        for (const v of toList(o[k])) {
          const s = toStr(v);
          (out[s] ??= []).push(k);
        }
      }
      const res: ObjectValue = {};
      for (const k of Object.keys(out)) setKey(res, k, out[k].sort(compareStrings));
      return res;
    },
  },
  zipmap: {
    min: 2,
    max: 2,
    fn: ([ks, vs]) => {
      const k = toList(ks);
      const v = toList(vs);
      if (k.length !== v.length) throw new FnError(`zipmap: ${k.length} keys but ${v.length} values`);
      const out: ObjectValue = {};
      k.forEach((key, i) => setKey(out, toStr(key, 'zipmap key'), v[i]));
      return out;
    },
  },

  // type conversion
  tobool: { min: 1, max: 1, fn: ([v]) => (v === null ? null : toBool(v)) },
  tonumber: { min: 1, max: 1, fn: ([v]) => (v === null ? null : toNum(v)) },
  tostring: {
    min: 1,
    max: 1,
    fn: ([v]) => {
      if (v === null) return null;
      if (typeof v === 'object') throw new FnError(`tostring: cannot convert a ${typeName(v)} to a string`);
      return toStr(v);
    },
  },
  tolist: {
    min: 1,
    max: 1,
    fn: ([v]) => (v === null ? null : toList(v, 'tolist argument')),
  },
  toset: {
    min: 1,
    max: 1,
    fn: ([v]) => (v === null ? null : toSetValue(toList(v, 'toset argument'))),
  },
  tomap: {
    min: 1,
    max: 1,
    fn: ([v]) => (v === null ? null : toObj(v, 'tomap argument')),
  },
  sensitive: { min: 1, max: 1, fn: ([v]) => v },
  nonsensitive: { min: 1, max: 1, fn: ([v]) => v },
  issensitive: { min: 1, max: 1, fn: () => false },
  type: { min: 1, max: 1, fn: ([v]) => typeName(v) },

  // encoding
  jsonencode: { min: 1, max: 1, fn: ([v]) => jsonEncode(v) },
  jsondecode: {
    min: 1,
    max: 1,
    fn: ([s]) => {
      try {
        return fromJson(JSON.parse(toStr(s)));
      } catch (err) {
        if (err === UNKNOWN_RESULT) throw err;
        throw new FnError(`jsondecode: invalid JSON: ${(err as Error).message}`);
      }
    },
  },
  base64encode: { min: 1, max: 1, fn: ([s]) => Buffer.from(toStr(s), 'utf8').toString('base64') },
  base64decode: { min: 1, max: 1, fn: ([s]) => Buffer.from(toStr(s), 'base64').toString('utf8') },
  urlencode: { min: 1, max: 1, fn: ([s]) => urlEncode(toStr(s)) },
  md5: hash('md5', 'hex'),
  sha1: hash('sha1', 'hex'),
  sha256: hash('sha256', 'hex'),
  sha512: hash('sha512', 'hex'),
  base64sha256: hash('sha256', 'base64'),
  base64sha512: hash('sha512', 'base64'),
  uuid: unknownFn,
  uuidv5: unknownFn,
  timestamp: unknownFn,
  bcrypt: unknownFn,
  plantimestamp: unknownFn,

  // filesystem
  file: { min: 1, max: 1, fn: ([p], ctx) => readFileArg(ctx, p, 'file') },
  filebase64: {
    min: 1,
    max: 1,
    fn: ([p], ctx) => {
      try {
        return readFileSync(resolvePath(ctx, toStr(p)), 'base64');
      } catch {
        throw new FnError(`filebase64: no file exists at ${JSON.stringify(toStr(p))}`);
      }
    },
  },
  fileexists: {
    min: 1,
    max: 1,
    fn: ([p], ctx) => {
      const full = resolvePath(ctx, toStr(p));
      return existsSync(full) && statSync(full).isFile();
    },
  },
  abspath: { min: 1, max: 1, fn: ([p], ctx) => resolvePath(ctx, toStr(p)).split(nodePath.sep).join('/') },
  dirname: { min: 1, max: 1, fn: ([p]) => nodePath.dirname(toStr(p)) },
  basename: { min: 1, max: 1, fn: ([p]) => nodePath.basename(toStr(p)) },
  pathexpand: { min: 1, max: 1, fn: ([p]) => (toStr(p).startsWith('~/') ? nodePath.join(homedir(), toStr(p).slice(2)) : toStr(p)) },

  // network
  cidrsubnet: {
    min: 3,
    max: 3,
    fn: ([p, nb, nn]) => {
      const c = parseCidr(toStr(p));
      const s = subnet(c, int(nb, 'newbits'), BigInt(int(nn, 'netnum')));
      return `${formatIp(s.v6, s.addr)}/${s.len}`;
    },
  },
  cidrsubnets: {
    min: 1,
    max: -1,
    fn: ([p, ...bits]) => {
      const c = parseCidr(toStr(p));
      const total = BigInt(c.v6 ? 128 : 32);
      let next = c.addr;
      const out: Value[] = [];
      for (const b of bits) {
        const nb = int(b, 'newbits');
        const len = c.len + nb;
        if (nb < 1 || len > Number(total)) throw new FnError(`cidrsubnets: cannot extend the prefix by ${nb} bits`);
        const size = 1n << (total - BigInt(len));
        next = ((next + size - 1n) / size) * size;
        const end = c.addr + (1n << (total - BigInt(c.len)));
        if (next + size > end) throw new FnError('cidrsubnets: not enough address space for all the subnets');
        out.push(`${formatIp(c.v6, next)}/${len}`);
        next += size;
      }
      return out;
    },
  },
  cidrhost: {
    min: 2,
    max: 2,
    fn: ([p, h]) => {
      const c = parseCidr(toStr(p));
      const hostBits = BigInt((c.v6 ? 128 : 32) - c.len);
      let n = BigInt(int(h, 'hostnum'));
      const size = 1n << hostBits;
      if (n < 0n) n += size;
      if (n < 0n || n >= size) throw new FnError(`cidrhost: prefix of ${c.len} does not accommodate a host numbered ${h as number}`);
      return formatIp(c.v6, c.addr | n);
    },
  },
  cidrnetmask: {
    min: 1,
    max: 1,
    fn: ([p]) => {
      const c = parseCidr(toStr(p));
      if (c.v6) throw new FnError('cidrnetmask: only IPv4 prefixes have a netmask');
      return formatIp(false, (0xffffffffn << BigInt(32 - c.len)) & 0xffffffffn);
    },
  },
};
