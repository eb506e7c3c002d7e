/**
 * Runtime values of the evaluator: the `AttrValue` shape of the input contract (strings, numbers,
 * bools, null, UNKNOWN, arrays for lists/tuples/sets, plain objects for maps/objects).
 */
import { UNKNOWN, type AttrValue } from '../types.js';
import type { Expr } from './ast.js';

export type Value = AttrValue;
export type ObjectValue = { [key: string]: AttrValue };

/**
 * Objects standing for a resource instance (or a nested block of one): an attribute that the
 * configuration does not set is computed by the provider, so reading it gives UNKNOWN instead of
 * an error.
 */
const OPEN: unique symbol = Symbol('costdiff.hcl.open');

/** A new, empty open object. The marker is a non-enumerable symbol: invisible to keys, JSON and equality. */
const OPEN_DESCRIPTOR: PropertyDescriptor = Object.freeze({ value: true, enumerable: false, writable: false, configurable: false });

export function openObject(): { [key: string]: AttrValue } {
  return Object.defineProperty({}, OPEN, OPEN_DESCRIPTOR);
}

export function isOpen(o: object): boolean {
  return (o as { [OPEN]?: boolean })[OPEN] === true;
}

/** A function or operator failed; the evaluator adds the location. */
export class FnError extends Error {}

/** Thrown by helpers when a value they need is UNKNOWN: the whole result is then UNKNOWN. */
export const UNKNOWN_RESULT = { unknownResult: true } as const;

export function isObject(v: Value | undefined): v is ObjectValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function typeName(v: Value | undefined): string {
  if (v === UNKNOWN) return 'unknown value';
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'number';
    case 'boolean': return 'bool';
    default: return 'object';
  }
}

export function containsUnknown(v: Value): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) {
    for (const x of v) if (containsUnknown(x)) return true;
    return false;
  }
  if (isObject(v)) {
    for (const k in v) if (containsUnknown(v[k])) return true;
  }
  return false;
}

export function known<T extends Value>(v: T): Exclude<T, typeof UNKNOWN> {
  if (v === UNKNOWN) throw UNKNOWN_RESULT;
  return v as Exclude<T, typeof UNKNOWN>;
}

/** Deep equality; an unknown anywhere makes the answer unknown. */
export function equal(a: Value, b: Value): boolean {
  if (a === UNKNOWN || b === UNKNOWN) throw UNKNOWN_RESULT;
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!(k in b) || !equal(a[k], b[k])) return false;
    return true;
  }
  return false;
}

export function numToStr(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) >= 1e21) return BigInt(n).toString();
  return String(n);
}

/** String conversion as Terraform does it for templates and string arguments. */
export function toStr(v: Value, what = 'value'): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numToStr(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === UNKNOWN) throw UNKNOWN_RESULT;
  if (v === null) throw new FnError(`${what} is null; a string is required`);
  throw new FnError(`${what} is a ${typeName(v)}; a string is required`);
}

const NUM_RE = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function toNum(v: Value, what = 'value'): number {
  if (typeof v === 'number') return v;
  if (v === UNKNOWN) throw UNKNOWN_RESULT;
  if (typeof v === 'string' && NUM_RE.test(v.trim())) return Number(v.trim());
  if (v === null) throw new FnError(`${what} is null; a number is required`);
  throw new FnError(`${what} is ${typeof v === 'string' ? JSON.stringify(v) : `a ${typeName(v)}`}; a number is required`);
}

export function toBool(v: Value, what = 'value'): boolean {
  if (typeof v === 'boolean') return v;
  if (v === UNKNOWN) throw UNKNOWN_RESULT;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === null) throw new FnError(`${what} is null; a bool is required`);
  throw new FnError(`${what} is ${typeof v === 'string' ? JSON.stringify(v) : `a ${typeName(v)}`}; a bool is required`);
}

export function toList(v: Value, what = 'value'): Value[] {
  if (Array.isArray(v)) return v;
  if (v === UNKNOWN) throw UNKNOWN_RESULT;
  if (v === null) throw new FnError(`${what} is null; a list is required`);
  throw new FnError(`${what} is a ${typeName(v)}; a list is required`);
}

export function toObj(v: Value, what = 'value'): ObjectValue {
  if (isObject(v)) return v;
  if (v === UNKNOWN) throw UNKNOWN_RESULT;
  if (v === null) throw new FnError(`${what} is null; a map is required`);
  throw new FnError(`${what} is a ${typeName(v)}; a map is required`);
}

/** A set of strings/numbers/bools as Terraform orders it: deduplicated and sorted. */
export function toSetValue(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of list) {
    if (v === UNKNOWN) throw UNKNOWN_RESULT;
    if (!out.some((x) => equal(x, v))) out.push(v);
  }
  if (out.every((x) => typeof x === 'string')) return (out as string[]).sort(compareStrings);
  if (out.every((x) => typeof x === 'number')) return (out as number[]).sort((a, b) => a - b);
  return out;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted keys, the order Terraform iterates maps and objects in. */
export function sortedKeys(o: ObjectValue): string[] {
  return Object.keys(o).sort(compareStrings);
}

// --- type constraints ----------------------------------------------------------------------------

/**
 * Converts a value to a variable's type constraint (`number`, `list(string)`,
 * `object({ a = optional(number, 1) })`, …). Lenient: a value that does not fit is kept as is,
 * since Terraform itself would have rejected such a configuration.
 */
export function convertToType(v: Value, type: Expr | undefined, evalConst: (e: Expr) => Value): Value {
  if (!type || v === UNKNOWN || v === null) return v;
  if (type.k === 'root') {
    try {
      switch (type.name) {
        case 'string': return typeof v === 'number' || typeof v === 'boolean' ? toStr(v) : v;
        case 'number': return typeof v === 'string' ? toNum(v) : v;
        case 'bool': return typeof v === 'string' ? toBool(v) : v;
        default: return v;
      }
    } catch {
      return v;
    }
  }
  if (type.k !== 'call') return v;
  const arg = type.args[0];
  switch (type.name) {
    case 'list':
    case 'set': {
      if (!Array.isArray(v)) return v;
      const out = v.map((x) => convertToType(x, arg, evalConst));
      if (type.name === 'set') {
        try {
          return toSetValue(out);
        } catch {
          return out;
        }
      }
      return out;
    }
    case 'map': {
      if (!isObject(v)) return v;
      const out: ObjectValue = {};
      for (const k of Object.keys(v)) out[k] = convertToType(v[k], arg, evalConst);
      return out;
    }
    case 'tuple': {
      if (!Array.isArray(v) || !arg || arg.k !== 'tuple') return v;
      return v.map((x, i) => convertToType(x, arg.items[i], evalConst));
    }
    case 'object': {
      if (!isObject(v) || !arg || arg.k !== 'object') return v;
      const out: ObjectValue = {};
      for (const item of arg.items) {
        const key = item.key.k === 'lit' ? String(item.key.v) : item.key.k === 'root' ? item.key.name : null;
        if (key === null) continue;
        let attrType: Expr | undefined = item.value;
        let dflt: Value = null;
        if (attrType.k === 'call' && attrType.name === 'optional') {
          if (attrType.args[1]) dflt = evalConst(attrType.args[1]);
          attrType = attrType.args[0];
        }
        const given = v[key];
        out[key] = given === undefined || given === null ? convertToType(dflt, attrType, evalConst) : convertToType(given, attrType, evalConst);
      }
      return out;
    }
    default:
      return v;
  }
}

/** True when a variable's declared type is exactly `string` (its -var values are taken literally). */
export function isStringType(type: Expr | undefined): boolean {
  return !type || (type.k === 'root' && type.name === 'string');
}
