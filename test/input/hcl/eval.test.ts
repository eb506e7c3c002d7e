import { describe, expect, it } from '@jest/globals';
import { UNKNOWN } from '../../../src/input/types.js';
import type { Value } from '../../../src/input/hcl/values.js';
import { errorOf, ev } from './helpers.js';

describe('operators', () => {
  it('compares deeply and by type', () => {
    expect(ev('[1, { a = "x" }] == [1, { a = "x" }]')).toBe(true);
    expect(ev('{ a = 1 } == { a = 1, b = 2 }')).toBe(false);
    expect(ev('1 == "1"')).toBe(false);
    expect(ev('null == null')).toBe(true);
    expect(ev('var.x == null', { x: null })).toBe(true);
  });

  it('converts numeric strings in arithmetic, like Terraform', () => {
    expect(ev('"2" * 3')).toBe(6);
    expect(ev('var.n + 1', { n: '41' })).toBe(42);
  });

  it('reports type errors with their location', () => {
    expect(errorOf(() => ev('1 + "a"'))).toBe('test.tf:1:1: right operand of + is "a"; a number is required');
    expect(errorOf(() => ev('!"x"'))).toBe('test.tf:1:1: operand of ! is "x"; a bool is required');
    expect(errorOf(() => ev('1 / 0'))).toBe('test.tf:1:1: division by zero');
    expect(errorOf(() => ev('null ? 1 : 2'))).toBe('test.tf:1:1: the condition is null; a bool is required');
  });

  it('evaluates only the chosen branch of a conditional', () => {
    expect(ev('true ? 1 : nosuchvar.x')).toBe(1);
    expect(ev('false && (1 / 0 == 1)')).toBe(false);
  });
});

describe('access errors', () => {
  it('reports missing attributes, keys and indexes', () => {
    expect(errorOf(() => ev('var.o.b', { o: { a: 1 } }))).toBe('test.tf:1:1: this object has no attribute "b"');
    expect(errorOf(() => ev('var.o["b"]', { o: { a: 1 } }))).toBe('test.tf:1:1: the map has no element with key "b"');
    expect(errorOf(() => ev('var.l[2]', { l: [1] }))).toBe('test.tf:1:1: index 2 is out of range for a list of 1 element');
    expect(errorOf(() => ev('var.l.a', { l: [{ a: 1 }] }))).toBe(
      'test.tf:1:1: cannot read attribute "a" of a list; use [*].a for all elements or an index like [0].a',
    );
    expect(errorOf(() => ev('var.n.a', { n: null }))).toBe('test.tf:1:1: cannot read attribute "a" of a null value');
  });

  it('rejects a bare reference and count/each outside their context', () => {
    expect(errorOf(() => ev('foo'))).toBe('test.tf:1:1: invalid reference "foo": a reference needs an attribute, like foo.name');
    expect(errorOf(() => ev('count.index'))).toBe('test.tf:1:1: count.index can only be used in a resource or module with count');
    expect(errorOf(() => ev('each.key'))).toBe('test.tf:1:1: each.key can only be used in a resource or module with for_each');
  });

  it('gives count.index and each.key/value in their context', () => {
    expect(ev('count.index * 2', {}, { count: 3 })).toBe(6);
    expect(ev('"${each.key}=${each.value}"', {}, { each: { key: 'a', value: 'b' } })).toBe('a=b');
  });

  it('reports duplicate keys in object for expressions', () => {
    expect(errorOf(() => ev('{ for x in ["a", "a"] : x => 1 }'))).toBe(
      'test.tf:1:1: duplicate key "a" in the for expression; add \'...\' after the value to group values by key',
    );
  });

  it('does not interpolate null or collections into strings', () => {
    expect(errorOf(() => ev('"x${var.n}"', { n: null }))).toBe('test.tf:1:5: the interpolated value is null; a string is required');
    expect(errorOf(() => ev('"x${[1]}"'))).toBe('test.tf:1:5: the interpolated value is a list; a string is required');
  });
});

describe('unknown propagation', () => {
  const u: Record<string, Value> = { u: UNKNOWN };
  it.each([
    '"${var.u}-x"',
    'var.u + 1',
    '-var.u',
    '!var.u',
    'var.u == 1',
    'var.u != "a"',
    'var.u > 2',
    'var.u ? 1 : 2',
    'var.u.attr',
    'var.u[0]',
    'var.u[*].id',
    '[for x in var.u : x]',
    '{ for k, v in var.u : k => v }',
    '{ (var.u) = 1 }',
    '[for x in [1, 2] : x if var.u]',
    '"%{ if var.u }a%{ endif }"',
    '"%{ for x in var.u }a%{ endfor }"',
    '[1, 2][var.u]',
    'true && var.u',
    'false || var.u',
    'data.aws_ami.x.id',
    'module.m.out',
  ])('%s', (src) => {
    expect(ev(src, u)).toBe(UNKNOWN);
  });

  it('keeps the known parts of collections', () => {
    expect(ev('[var.u, 1]', u)).toEqual([UNKNOWN, 1]);
    expect(ev('{ a = var.u, b = 2 }', u)).toEqual({ a: UNKNOWN, b: 2 });
    expect(ev('[for x in [var.u, 2] : x]', u)).toEqual([UNKNOWN, 2]);
    expect(ev('{ a = var.u }.a', u)).toBe(UNKNOWN);
  });

  it('lets a known operand decide && and ||', () => {
    expect(ev('false && var.u', u)).toBe(false);
    expect(ev('var.u && false', u)).toBe(false);
    expect(ev('true || var.u', u)).toBe(true);
    expect(ev('var.u || true', u)).toBe(true);
  });

  it('chooses a branch when only the unchosen branch is unknown', () => {
    expect(ev('true ? 1 : var.u', u)).toBe(1);
  });
});
