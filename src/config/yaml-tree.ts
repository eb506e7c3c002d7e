/**
 * A YAML document as a small tree that remembers each value's line and source text, so that
 * validation can point at the line and numbers are read exactly from what was written
 * (`0.10` stays 0.10; a float never sits in between).
 */

export type YamlNode = YamlMap | YamlSeq | YamlScalar;

export interface YamlMap {
  kind: 'map';
  line: number;
  entries: Map<string, { keyLine: number; value: YamlNode }>;
}

export interface YamlSeq {
  kind: 'seq';
  line: number;
  items: YamlNode[];
}

export interface YamlScalar {
  kind: 'scalar';
  line: number;
  /** What YAML made of it: string, number, boolean, null. */
  value: unknown;
  /** The text as written, for plain (unquoted) scalars. */
  source?: string;
  quoted: boolean;
}

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Deepest `[`/`{` nesting the YAML parser is given; real files stay far below it. */
export const MAX_FLOW_DEPTH = 64;

/**
 * Where flow collections (`[…]`, `{…}`) nest deeper than `max`, as a 1-based line; 0 when they
 * do not. Checked before parsing: yaml@2 given a few thousand nested brackets can abort the
 * whole process (V8 "RegExpCompiler Allocation failed"), which no catch can turn into a message.
 * Quotes and comments are skipped; block (indented) nesting is not counted.
 */
export function flowTooDeep(text: string, max = MAX_FLOW_DEPTH): number {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"' || c === "'") {
      // Skip a quoted scalar (a doubled quote or a backslash escape stays inside it).
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === '\n') line++;
        else if (c === '"' && text[i] === '\\') i++;
      }
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > max) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return 0;
}

/** Parses YAML text into a located tree; `undefined` for an empty document. */
export async function parseYamlTree(text: string): Promise<YamlNode | undefined> {
  const deep = flowTooDeep(text);
  if (deep) throw new YamlSyntaxError(`nested more than ${MAX_FLOW_DEPTH} levels deep`, deep);
  const Y = await import('yaml');
  const lineCounter = new Y.LineCounter();
  const doc = Y.parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const line = lineCounter.linePos(err.pos[0]).line;
    throw new YamlSyntaxError(err.message.split('\n')[0], line);
  }
  let aliases = 0;
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 0;

  const convert = (node: unknown, fallbackLine: number, depth: number): YamlNode => {
    if (depth > 64) throw new YamlSyntaxError('nested too deeply', fallbackLine);
    if (Y.isAlias(node)) {
      // Aliases are fine for sharing approver lists; a billion-laughs document is not.
      if (++aliases > 100) throw new YamlSyntaxError('too many aliases', lineOf(node));
      return convert(node.resolve(doc), lineOf(node), depth + 1);
    }
    if (Y.isMap(node)) {
      const entries = new Map<string, { keyLine: number; value: YamlNode }>();
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyLine = Y.isNode(keyNode) ? lineOf(keyNode) : lineOf(node);
        const key = Y.isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        entries.set(key, { keyLine, value: convert(pair.value, keyLine, depth + 1) });
      }
      return { kind: 'map', line: lineOf(node) || fallbackLine, entries };
    }
    if (Y.isSeq(node)) {
      return { kind: 'seq', line: lineOf(node) || fallbackLine, items: node.items.map((i) => convert(i, lineOf(node), depth + 1)) };
    }
    if (Y.isScalar(node)) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      return { kind: 'scalar', line: lineOf(node) || fallbackLine, value: node.value, source: quoted ? undefined : node.source, quoted };
    }
    // `key:` with nothing after it.
    return { kind: 'scalar', line: fallbackLine, value: null, quoted: false };
  };
  if (doc.contents === null || doc.contents === undefined) return undefined;
  return convert(doc.contents, 1, 0);
}
