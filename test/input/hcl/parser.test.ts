import { describe, expect, it } from '@jest/globals';
import type { Body, Expr } from '../../../src/input/hcl/ast.js';
import { parseHclExpression, parseHclFile } from '../../../src/input/hcl/parser.js';
import { errorOf, ev } from './helpers.js';

function parse(text: string, path = 'main.tf'): Body {
  return parseHclFile({ path, text });
}

function expr(text: string): Expr {
  return parseHclExpression({ path: 'x.tf', text });
}

/** Strips positions so trees can be compared structurally. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'p' && k !== 'file') out[k] = shape(x);
    return out;
  }
  return v;
}

function syntaxError(text: string): string {
  return errorOf(() => parse(text, 'infra/main.tf'));
}

describe('bodies', () => {
  it('parses attributes and blocks with quoted and bare labels', () => {
    const body = parse(`
a = 1
resource "aws_instance" "web" {
  ami = "ami-1"
  ebs_block_device {
    volume_size = 10
  }
}
locals { x = 2 }
block bare_label "quoted" {}
`);
    expect([...body.attrs.keys()]).toEqual(['a']);
    expect(body.blocks.map((b) => [b.type, b.labels])).toEqual([
      ['resource', ['aws_instance', 'web']],
      ['locals', []],
      ['block', ['bare_label', 'quoted']],
    ]);
    const res = body.blocks[0];
    expect(shape(res.body.attrs.get('ami')?.expr)).toEqual({ k: 'lit', v: 'ami-1' });
    expect(res.body.blocks[0].type).toBe('ebs_block_device');
    expect(shape(body.blocks[1].body.attrs.get('x')?.expr)).toEqual({ k: 'lit', v: 2 });
  });

  it('skips all three comment styles', () => {
    const body = parse(`
# hash comment
// slash comment
/* block
   comment */ a = 1 # trailing
b = /* inline */ 2 // trailing
`);
    expect([...body.attrs.keys()]).toEqual(['a', 'b']);
  });

  it('records attribute positions for messages', () => {
    const body = parse('\n\n  name = "x"\n');
    expect(body.attrs.get('name')?.p).toBe(4);
  });

  it('accepts identifiers with dashes and unicode letters', () => {
    const body = parse('my-attr = 1\nnäme = 2\n');
    expect([...body.attrs.keys()]).toEqual(['my-attr', 'näme']);
  });

  it('accepts CRLF line endings and a missing final newline', () => {
    expect([...parse('a = 1\r\nb = 2').attrs.keys()]).toEqual(['a', 'b']);
  });
});

describe('literals and templates', () => {
  it('parses numbers', () => {
    expect(ev('42')).toBe(42);
    expect(ev('1.5')).toBe(1.5);
    expect(ev('1e3')).toBe(1000);
    expect(ev('2.5E-1')).toBe(0.25);
    expect(ev('-7')).toBe(-7);
  });

  it('parses bools and null', () => {
    expect(ev('true')).toBe(true);
    expect(ev('false')).toBe(false);
    expect(ev('null')).toBe(null);
  });

  it('handles escapes in quoted strings', () => {
    expect(ev('"a\\nb\\tc\\"d\\\\e\\u00e9\\U0001F600"')).toBe('a\nb\tc"d\\eé😀');
    expect(ev('"$${literal} %%{literal}"')).toBe('${literal} %{literal}');
    expect(ev('"cost: $5 and 50%"')).toBe('cost: $5 and 50%');
  });

  it('interpolates', () => {
    expect(ev('"a-${var.x}-b"', { x: 'X' })).toBe('a-X-b');
    expect(ev('"${var.n + 1}"', { n: 1 })).toBe(2); // a lone interpolation keeps its type
    expect(ev('"n=${var.n}"', { n: 1.5 })).toBe('n=1.5');
    expect(ev('"${"nested ${var.x}"}!"', { x: 'y' })).toBe('nested y!');
  });

  it('supports strip markers', () => {
    expect(ev('"a   ${~ "b" ~}   c"')).toBe('abc');
    expect(ev('"x ${~ "y"}"')).toBe('xy');
  });

  it('supports %{ if } and %{ for } directives', () => {
    expect(ev('"%{ if var.on }on%{ else }off%{ endif }"', { on: true })).toBe('on');
    expect(ev('"%{ if var.on }on%{ else }off%{ endif }"', { on: false })).toBe('off');
    expect(ev('"%{ if var.on }on%{ endif }"', { on: false })).toBe('');
    expect(ev('"%{ for x in var.l }[${x}]%{ endfor }"', { l: ['a', 'b'] })).toBe('[a][b]');
    expect(ev('"%{ for k, v in var.m }${k}=${v};%{ endfor }"', { m: { b: 2, a: 1 } })).toBe('a=1;b=2;');
    expect(ev('"%{ for i, x in var.l }${i}:${x} %{ endfor ~}"', { l: ['a', 'b'] })).toBe('0:a 1:b ');
  });

  it('parses heredocs, keeping the final newline', () => {
    const body = parse('a = <<EOT\nline 1\n  line ${2}\nEOT\nb = 1\n');
    expect(ev('<<EOT\nline 1\n  line ${1 + 1}\nEOT\n')).toBe('line 1\n  line 2\n');
    expect([...body.attrs.keys()]).toEqual(['a', 'b']);
  });

  it('strips the common indentation of <<- heredocs', () => {
    expect(ev('<<-EOT\n    a\n      b\n\n    c ${"d"}\n    EOT\n')).toBe('a\n  b\n\nc d\n');
  });

  it('keeps quotes, backslashes and directives in heredocs', () => {
    expect(ev('<<EOT\n"q" \\n\n%{ for x in [1, 2] ~}\n${x}\n%{ endfor ~}\nEOT\n')).toBe('"q" \\n\n1\n2\n');
  });
});

describe('expressions', () => {
  it('applies operator precedence and associativity', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('10 - 4 - 3')).toBe(3);
    expect(ev('8 / 4 / 2')).toBe(1);
    expect(ev('7 % 4 * 2')).toBe(6);
    expect(ev('1 + 1 == 2 && 3 > 2')).toBe(true);
    expect(ev('true || false && false')).toBe(true);
    expect(ev('!false && !true')).toBe(false);
    expect(ev('-2 * -3')).toBe(6);
    expect(ev('- (1 + 2)')).toBe(-3);
    expect(ev('1 < 2 == true')).toBe(true);
    expect(ev('2 >= 2 && 2 <= 1')).toBe(false);
    expect(ev('1 != 2')).toBe(true);
  });

  it('parses conditionals, including nested ones', () => {
    expect(ev('true ? 1 : 2')).toBe(1);
    expect(ev('false ? 1 : true ? 2 : 3')).toBe(2);
    expect(ev('1 > 2 ? "a" : "b"')).toBe('b');
  });

  it('parses lists and objects with commas or newlines', () => {
    expect(ev('[1, 2, 3,]')).toEqual([1, 2, 3]);
    expect(ev('[\n  1,\n  2\n]')).toEqual([1, 2]);
    expect(ev('{ a = 1, b = "x" }')).toEqual({ a: 1, b: 'x' });
    expect(ev('{\n  a = 1\n  "b c" = 2\n  d: 3\n  (var.k) = 4\n  "${var.k}x" = 5\n}', { k: 'key' })).toEqual({
      a: 1,
      'b c': 2,
      d: 3,
      key: 4,
      keyx: 5,
    });
    expect(ev('{}')).toEqual({});
    expect(ev('[]')).toEqual([]);
  });

  it('parses attribute access, indexes, legacy indexes and splats', () => {
    const l = [{ a: 1, b: [10, 20] }, { a: 2, b: [30, 40] }];
    expect(ev('var.l[1].a', { l })).toBe(2);
    expect(ev('var.l.0.a', { l })).toBe(1);
    expect(ev('var.l[*].a', { l })).toEqual([1, 2]);
    expect(ev('var.l[*].b[0]', { l })).toEqual([10, 30]);
    expect(ev('var.l.*.a', { l })).toEqual([1, 2]);
    expect(ev('var.l.*.b[1]', { l })).toEqual([30, 40]); // the index applies to the splat's result
    expect(ev('var.o[*].a', { o: { a: 5 } })).toEqual([5]);
    expect(ev('var.n[*]', { n: null })).toEqual([]);
    expect(ev('var.m["k"]', { m: { k: 'v' } })).toBe('v');
  });

  it('parses for expressions', () => {
    expect(ev('[for x in [1, 2, 3] : x * 2]')).toEqual([2, 4, 6]);
    expect(ev('[for i, x in ["a", "b"] : "${i}${x}"]')).toEqual(['0a', '1b']);
    expect(ev('[for x in [1, 2, 3, 4] : x if x % 2 == 0]')).toEqual([2, 4]);
    expect(ev('{ for k, v in { a = 1, b = 2 } : upper(k) => v * 10 }')).toEqual({ A: 10, B: 20 });
    expect(ev('{\n  for x in ["a", "bb", "cc"] :\n  length(x) => x...\n  if x != "zz"\n}')).toEqual({ 1: ['a'], 2: ['bb', 'cc'] });
    expect(ev('[for k, v in { b = 2, a = 1 } : k]')).toEqual(['a', 'b']);
  });

  it('parses function calls with trailing commas, newlines and ... expansion', () => {
    expect(ev('max(1, 5, 3)')).toBe(5);
    expect(ev('max(\n  1,\n  5,\n)')).toBe(5);
    expect(ev('max([1, 9, 3]...)')).toBe(9);
    expect(ev('concat([1], [2], [[3]]...)')).toEqual([1, 2, 3]);
  });

  it('continues an expression after an operator at the end of a line', () => {
    const body = parse('a = 1 +\n  2\nb = true ?\n  "x" :\n  "y"\n');
    expect(shape(body.attrs.get('a')?.expr)).toMatchObject({ k: 'bin', op: '+' });
    expect(shape(body.attrs.get('b')?.expr)).toMatchObject({ k: 'cond' });
  });

  it('allows multi-line expressions inside parentheses', () => {
    expect(ev('(\n  1\n  + 2\n)')).toBe(3);
  });

  it('keeps provider-defined function names', () => {
    expect(shape(expr('provider::aws::arn_parse("x")'))).toMatchObject({ k: 'call', name: 'provider::aws::arn_parse' });
  });
});

describe('syntax errors name file, line and column', () => {
  it('reports a missing closing brace', () => {
    expect(syntaxError('resource "a" "b" {\n  x = 1\n')).toBe(
      "infra/main.tf:3:1: expected '}' to close the block opened at line 1, found end of file",
    );
  });

  it('reports a bad token in an expression', () => {
    expect(syntaxError('a = 1\nb = 2 +\nc = 3\n')).toBe("infra/main.tf:3:3: expected a newline after the value of \"b\", found '='");
    expect(syntaxError('x = [1, 2\ny = 1')).toBe("infra/main.tf:2:1: expected ',' or ']' in list, found 'y'");
  });

  it('reports a missing value', () => {
    expect(syntaxError('a = \n}\n')).toBe("infra/main.tf:2:1: expected an expression, found '}'");
  });

  it('reports two attributes on one line', () => {
    expect(syntaxError('a = 1 b = 2\n')).toBe("infra/main.tf:1:7: expected a newline after the value of \"a\", found 'b'");
  });

  it('reports an unterminated string', () => {
    expect(syntaxError('a = "abc\nb = 1\n')).toBe(
      'infra/main.tf:1:9: unterminated string: a quoted string cannot span lines (use a heredoc)',
    );
  });

  it('reports an unterminated heredoc', () => {
    expect(syntaxError('a = <<EOT\nabc\n')).toBe('infra/main.tf:1:5: unterminated heredoc: no closing EOT line');
  });

  it('reports an unclosed interpolation', () => {
    expect(syntaxError('a = "x ${var.y"\n')).toMatch(/^infra\/main\.tf:1:15: expected '}' to close the interpolation at 1:8/);
  });

  it('reports unbalanced template directives', () => {
    expect(syntaxError('a = "%{ if true }x"\n')).toBe('infra/main.tf:1:6: missing %{ endif } for this %{ if }');
    expect(syntaxError('a = "%{ endfor }"\n')).toBe('infra/main.tf:1:6: unexpected %{ endfor } without a matching opening directive');
  });

  it('reports invalid characters and escapes', () => {
    expect(syntaxError('a = 1 @ 2\n')).toBe('infra/main.tf:1:7: unexpected character "@"');
    expect(syntaxError('a = "\\q"\n')).toBe('infra/main.tf:1:6: invalid escape sequence \\q (use \\\\ for a backslash)');
    expect(syntaxError('a = 1 & 2\n')).toBe("infra/main.tf:1:7: unexpected '&' (did you mean '&&'?)");
  });

  it('reports duplicate attributes', () => {
    expect(syntaxError('r {\n  a = 1\n  a = 2\n}\n')).toBe('infra/main.tf:3:3: attribute "a" is already set in this block');
  });

  it('reports a block label with interpolation', () => {
    expect(syntaxError('resource "a${1}" "b" {}\n')).toBe('infra/main.tf:1:10: block labels must be plain strings, without interpolation');
  });

  it('reports an unterminated block comment', () => {
    expect(syntaxError('a = 1\n/* never closed\n')).toBe('infra/main.tf:2:1: unterminated comment: expected */');
  });

  it('reports a stray closing brace', () => {
    expect(syntaxError('a = 1\n}\n')).toBe("infra/main.tf:2:1: unexpected '}'");
  });

  it('limits nesting depth instead of overflowing the stack', () => {
    expect(syntaxError(`a = ${'['.repeat(5000)}${']'.repeat(5000)}\n`)).toMatch(/nested too deeply/);
  });
});
