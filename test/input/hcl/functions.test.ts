import { describe, expect, it } from '@jest/globals';
import { UNKNOWN } from '../../../src/input/types.js';
import { errorOf, ev } from './helpers.js';

describe('numeric functions', () => {
  it.each([
    ['abs(-3.5)', 3.5],
    ['ceil(1.2)', 2],
    ['floor(-1.2)', -2],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['max("4", 2)', 4],
    ['sum([1, 2, 3.5])', 6.5],
    ['pow(2, 10)', 1024],
    ['signum(-4)', -1],
    ['log(8, 2)', 3],
    ['parseint("ff", 16)', 255],
    ['parseint("-101", 2)', -5],
  ])('%s', (src, want) => {
    expect(ev(src)).toBe(want);
  });
});

describe('string functions', () => {
  it.each([
    ['format("%s-%03d", "web", 7)', 'web-007'],
    ['format("%.2f|%5s|%-5s|%v|%t|%%|%x", 3.14159, "ab", "ab", 42, true, 255)', '3.14|   ab|ab   |42|true|%|ff'],
    ['format("%q %+d %[1]q", "x", 5)', '"x" +5 "x"'],
    ['join(",", ["a", "b", 3])', 'a,b,3'],
    ['join("-", ["a"], ["b", "c"])', 'a-b-c'],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace("web-01", "/(\\\\w+)-(\\\\d+)/", "$2.$1")', '01.web'],
    ['replace("abc", "/(?P<first>a)/", "[$${first}]")', '[a]bc'],
    ['lower("AbC")', 'abc'],
    ['upper("AbC")', 'ABC'],
    ['title("hello big world")', 'Hello Big World'],
    ['trimspace("  x \\n")', 'x'],
    ['trim("?!hello?!", "!?")', 'hello'],
    ['trimprefix("helloworld", "hello")', 'world'],
    ['trimsuffix("helloworld", "world")', 'hello'],
    ['substr("hello world", 1, 4)', 'ello'],
    ['substr("hello", -3, -1)', 'llo'],
    ['substr("héllo", 1, 1)', 'é'],
    ['chomp("x\\n\\n")', 'x'],
    ['strrev("abc")', 'cba'],
    ['indent(2, "a\\nb")', 'a\n  b'],
    ['regex("[a-z]+", "123abc456")', 'abc'],
    ['tostring(12)', '12'],
    ['tostring(true)', 'true'],
    ['base64encode("hi")', 'aGk='],
    ['base64decode("aGk=")', 'hi'],
    ['urlencode("a b&c/é")', 'a+b%26c%2F%C3%A9'],
    ['md5("x")', '9dd4e461268c8034f5c8564e155c67a6'],
    ['sha256("x")', '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881'],
    ['jsonencode({ b = [1, true, null], a = "<x>" })', '{"a":"\\u003cx\\u003e","b":[1,true,null]}'],
  ])('%s', (src, want) => {
    expect(ev(src)).toBe(want);
  });

  it.each([
    ['split(",", "a,b,,c")', ['a', 'b', '', 'c']],
    ['regex("(\\\\d+)-(\\\\d+)", "10-20")', ['10', '20']],
    ['regex("(?P<a>\\\\d+)-(?P<b>\\\\d+)", "10-20")', { a: '10', b: '20' }],
    ['regexall("\\\\d", "a1b2")', ['1', '2']],
    ['formatlist("%s=%d", ["a", "b"], [1, 2])', ['a=1', 'b=2']],
    ['jsondecode("{\\"a\\": [1, 2], \\"b\\": null}")', { a: [1, 2], b: null }],
  ])('%s', (src, want) => {
    expect(ev(src)).toEqual(want);
  });

  it('startswith / endswith / strcontains', () => {
    expect(ev('startswith("hello", "he")')).toBe(true);
    expect(ev('endswith("hello", "he")')).toBe(false);
    expect(ev('strcontains("hello", "ll")')).toBe(true);
  });
});

describe('collection functions', () => {
  it.each([
    ['length([1, 2, 3])', 3],
    ['length({ a = 1 })', 1],
    ['length("héllo")', 5],
    ['element(["a", "b", "c"], 4)', 'b'],
    ['lookup({ a = 1 }, "a", 0)', 1],
    ['lookup({ a = 1 }, "b", 0)', 0],
    ['coalesce(null, "", "x")', 'x'],
    ['coalesce(null, 2)', 2],
    ['contains(["a", "b"], "b")', true],
    ['contains(["a", "b"], "c")', false],
    ['index(["a", "b"], "b")', 1],
    ['one([])', null],
    ['one(["x"])', 'x'],
    ['alltrue([true, true])', true],
    ['anytrue([false, true])', true],
  ])('%s', (src, want) => {
    expect(ev(src)).toBe(want);
  });

  it.each([
    ['merge({ a = 1, b = 2 }, { b = 3 }, null, { c = 4 })', { a: 1, b: 3, c: 4 }],
    ['concat([1], [], [2, 3])', [1, 2, 3]],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['flatten([1, [2, [3, []]], []])', [1, 2, 3]],
    ['distinct([1, 2, 1, 3, 2])', [1, 2, 3]],
    ['range(3)', [0, 1, 2]],
    ['range(1, 4)', [1, 2, 3]],
    ['range(10, 0, -4)', [10, 6, 2]],
    ['range(0, 1, 0.25)', [0, 0.25, 0.5, 0.75]],
    ['coalescelist([], ["a"], ["b"])', ['a']],
    ['compact(["a", "", null, "b"])', ['a', 'b']],
    ['slice(["a", "b", "c", "d"], 1, 3)', ['b', 'c']],
    ['reverse([1, 2, 3])', [3, 2, 1]],
    ['sort(["b", "a", "c"])', ['a', 'b', 'c']],
    ['chunklist([1, 2, 3], 2)', [[1, 2], [3]]],
    ['tolist(["a"])', ['a']],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['tomap({ a = 1 })', { a: 1 }],
    ['setunion(["a"], ["b", "a"])', ['a', 'b']],
    ['setintersection(["a", "b"], ["b", "c"])', ['b']],
    ['setsubtract(["a", "b"], ["b"])', ['a']],
    ['setproduct(["a", "b"], [1, 2])', [['a', 1], ['a', 2], ['b', 1], ['b', 2]]],
    ['matchkeys(["i-1", "i-2"], ["a", "b"], ["b"])', ['i-2']],
    ['transpose({ a = ["1", "2"], b = ["2"] })', { 1: ['a'], 2: ['a', 'b'] }],
    ['tonumber("42")', 42],
    ['tobool("true")', true],
  ])('%s', (src, want) => {
    expect(ev(src)).toEqual(want);
  });
});

describe('network functions', () => {
  it.each([
    ['cidrsubnet("10.0.0.0/16", 8, 2)', '10.0.2.0/24'],
    ['cidrsubnet("10.1.0.0/16", 4, 15)', '10.1.240.0/20'],
    ['cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)', 'fd00:fd12:3456:7800:a200::/72'],
    ['cidrhost("10.12.112.0/20", 16)', '10.12.112.16'],
    ['cidrhost("10.12.112.0/20", -2)', '10.12.127.254'],
    ['cidrnetmask("172.16.0.0/12")', '255.240.0.0'],
  ])('%s', (src, want) => {
    expect(ev(src)).toBe(want);
  });

  it('cidrsubnets', () => {
    expect(ev('cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)')).toEqual(['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']);
  });

  it('rejects a netnum that does not fit', () => {
    expect(errorOf(() => ev('cidrsubnet("10.0.0.0/16", 2, 4)'))).toBe(
      'test.tf:1:1: cidrsubnet: prefix extension of 2 does not accommodate a subnet numbered 4',
    );
  });
});

describe('file functions', () => {
  it('reads files relative to the root module', () => {
    expect(ev('trimspace(file("fixtures/hcl/files/hello.txt"))')).toBe('hello from a file');
    expect(ev('fileexists("fixtures/hcl/files/hello.txt")')).toBe(true);
    expect(ev('fileexists("fixtures/hcl/files/none.txt")')).toBe(false);
    expect(ev('basename("a/b/c.txt")')).toBe('c.txt');
    expect(ev('dirname("a/b/c.txt")')).toBe('a/b');
  });

  it('renders templatefile with its variables', () => {
    expect(ev('templatefile("fixtures/hcl/files/user_data.tftpl", { name = "web", ports = [80, 443] })')).toBe(
      '#!/bin/bash\necho "web"\nopen 80\nopen 443\n',
    );
  });

  it('reports a missing file', () => {
    expect(errorOf(() => ev('file("fixtures/hcl/files/none.txt")'))).toBe('test.tf:1:1: file: no file exists at "fixtures/hcl/files/none.txt"');
  });
});

describe('try and can', () => {
  it('try returns the first argument that evaluates', () => {
    expect(ev('try(var.m.missing, var.m.a, "d")', { m: { a: 1 } })).toBe(1);
    expect(ev('try(var.l[5], "fallback")', { l: [1] })).toBe('fallback');
    expect(ev('try(tonumber("x"), 0)')).toBe(0);
  });

  it('can tells whether an expression evaluates', () => {
    expect(ev('can(var.m.a)', { m: { a: 1 } })).toBe(true);
    expect(ev('can(var.m.b)', { m: { a: 1 } })).toBe(false);
    expect(ev('can(regex("^ami-", "ami-1"))')).toBe(true);
    expect(ev('can(regex("^ami-", "x"))')).toBe(false);
  });

  it('try fails when nothing evaluates', () => {
    expect(errorOf(() => ev('try(var.m.x, var.m.y)', { m: {} }))).toMatch(/^test\.tf:1:1: try: no expression succeeded/);
  });

  it('is unknown when the value is unknown', () => {
    expect(ev('try(local.unknown, 1)')).toBe(UNKNOWN);
    expect(ev('can(local.unknown)')).toBe(UNKNOWN);
  });
});

describe('function errors', () => {
  it('names the location of an unknown function and the expression', () => {
    expect(errorOf(() => ev('1 + nosuch(2)'))).toBe('test.tf:1:5: call to unknown function "nosuch" in nosuch(2)');
  });

  it('checks the number of arguments', () => {
    expect(errorOf(() => ev('lookup({})'))).toBe('test.tf:1:1: function "lookup" takes 2 to 3 arguments, got 1');
    expect(errorOf(() => ev('upper("a", "b")'))).toBe('test.tf:1:1: function "upper" takes 1 argument, got 2');
  });

  it('reports type errors with the location of the call', () => {
    expect(errorOf(() => ev('length(5)'))).toBe('test.tf:1:1: length: argument is a number; a string, list or map is required');
    expect(errorOf(() => ev('tonumber("abc")'))).toBe('test.tf:1:1: tonumber: value is "abc"; a number is required');
    expect(errorOf(() => ev('lookup({ a = 1 }, "b")'))).toBe('test.tf:1:1: lookup: the map has no key "b" and no default was given');
  });

  it('caps range() at a million elements', () => {
    expect(errorOf(() => ev('range(2000000)'))).toBe('test.tf:1:1: range: would produce 2000000 elements, more than the 1000000 allowed');
  });
});

describe('functions with unknown arguments', () => {
  it.each([
    'length(local.unknown)',
    'upper(local.unknown)',
    'join(",", ["a", local.unknown])',
    'merge(local.unknown, {})',
    'lookup(local.unknown, "a", 1)',
    'jsonencode({ a = local.unknown })',
    'coalesce(local.unknown, "x")',
    'contains(["a", local.unknown], "b")',
    'format("%s", local.unknown)',
    'cidrsubnet(local.unknown, 8, 1)',
    'max(1, local.unknown)',
    'toset(["a", local.unknown])',
    'keys(local.unknown)',
    'uuid()',
    'timestamp()',
  ])('%s is unknown', (src) => {
    expect(ev(src)).toBe(UNKNOWN);
  });

  it('keeps known parts of collections with unknown elements', () => {
    expect(ev('length(["a", local.unknown])')).toBe(2);
    expect(ev('merge({ a = local.unknown }, { b = 1 })')).toEqual({ a: UNKNOWN, b: 1 });
    expect(ev('concat([local.unknown], [1])')).toEqual([UNKNOWN, 1]);
    expect(ev('lookup({ a = local.unknown, b = 2 }, "b")')).toBe(2);
    expect(ev('contains(["b", local.unknown], "b")')).toBe(true);
    expect(ev('element([1, local.unknown], 0)')).toBe(1);
  });
});
