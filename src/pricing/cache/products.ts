import type { CacheProduct } from './format.js';

/**
 * The products of one cache file, parsed only where a query can match.
 *
 * A ten-thousand-resource plan touches most of the snapshot (600 files, 14 MB) yet asks about a
 * few thousand of its 66,000 products; parsing every product cost more than reading the plan.
 * The writer puts one product per line, so a file can be searched as text: for each attribute a
 * query names, one scan finds the lines that carry `"name":"` and records their values; a query
 * then parses only the lines that have all of its values.
 *
 * The scan relies on what the writer produces: `JSON.stringify` of string-valued attributes with
 * no escapes in them. A file with a backslash anywhere (an escaped quote could fake a key) or
 * another layout is parsed whole instead, with the same answers.
 */
export class ProductTable {
  /** Start and end offsets of each product's line in `text`. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly parsed: (CacheProduct | undefined)[];
  /** attribute name → value → line numbers carrying it. */
  private readonly indexes = new Map<string, Map<string, number[]>>();

  private constructor(
    private readonly text: string,
    private readonly parse: (line: string) => CacheProduct,
    eager?: CacheProduct[],
  ) {
    if (eager) {
      this.parsed = eager;
      return;
    }
    // Lines between `"products":[\n` and `\n]}`, each ending in `,` except the last.
    let pos = text.indexOf(PRODUCTS_OPEN) + PRODUCTS_OPEN.length;
    const close = text.lastIndexOf(PRODUCTS_CLOSE);
    while (pos < close) {
      let end = text.indexOf('\n', pos);
      if (end < 0 || end > close) end = close;
      const last = text.charCodeAt(end - 1) === COMMA ? end - 1 : end;
      if (last > pos) {
        this.starts.push(pos);
        this.ends.push(last);
      }
      pos = end + 1;
    }
    this.parsed = new Array<CacheProduct | undefined>(this.starts.length);
  }

  /**
   * `text` is the whole cache file; `head` receives everything but the products, parsed.
   * `parse` turns one product's JSON into a product (and throws on a malformed one).
   */
  static fromText(text: string, parse: (line: string) => CacheProduct): { head: unknown; products: ProductTable } {
    const open = text.indexOf(PRODUCTS_OPEN);
    const close = text.lastIndexOf(PRODUCTS_CLOSE);
    if (open < 0 || close < open || text.includes('\\')) {
      const whole = JSON.parse(text) as { products?: unknown };
      const products = Array.isArray(whole.products) ? (whole.products as CacheProduct[]) : [];
      return { head: whole, products: new ProductTable(text, parse, products) };
    }
    // The head is the file's opening object up to its product list; close it to parse it alone.
    const head = JSON.parse(`${text.slice(0, open)}}`) as unknown;
    return { head, products: new ProductTable(text, parse) };
  }

  get size(): number {
    return this.parsed.length;
  }

  /**
   * Products whose attributes include every one of `wanted` (all products when it is empty).
   * Attributes are tried in `rank` order (lower first; the caller learns which names narrow a
   * service's products down), stopping once few lines are left: `operatingSystem=Linux` matches
   * most of an EC2 file and indexing it would cost as much as parsing the file.
   */
  candidates(wanted: Record<string, string>, rank: (name: string) => number = () => 0): CacheProduct[] {
    let lines: number[] | undefined;
    if (this.starts.length > 0) {
      const names = Object.keys(wanted).filter((n) => !RESERVED.has(n));
      names.sort((a, b) => Number(!this.indexes.has(a)) - Number(!this.indexes.has(b)) || rank(a) - rank(b) || (a < b ? -1 : 1));
      for (const name of names) {
        const hits = this.index(name).get(wanted[name]) ?? NONE;
        if (lines === undefined || hits.length < lines.length) lines = hits;
        if (lines.length <= FEW) break;
      }
    }
    if (lines === undefined) return this.all();
    return lines.map((i) => this.product(i));
  }

  /** Lines per distinct value of an indexed attribute: how little knowing its value narrows. */
  spread(name: string): number | undefined {
    const index = this.indexes.get(name);
    if (!index || index.size === 0) return undefined;
    let lines = 0;
    for (const list of index.values()) lines += list.length;
    return lines / index.size;
  }

  all(): CacheProduct[] {
    const out: CacheProduct[] = [];
    for (let i = 0; i < this.parsed.length; i++) out.push(this.product(i));
    return out;
  }

  private product(i: number): CacheProduct {
    let p = this.parsed[i];
    if (p === undefined) {
      p = this.parse(this.text.slice(this.starts[i], this.ends[i]));
      this.parsed[i] = p;
    }
    return p;
  }

  /**
   * One pass over the text for `"name":"`. Outside a product's attributes only the product's
   * own keys (RESERVED) can follow a quote and precede `":"`, so every hit of another name is
   * that attribute; its value runs to the next quote (there are no escapes).
   */
  private index(name: string): Map<string, number[]> {
    let index = this.indexes.get(name);
    if (index) return index;
    index = new Map();
    this.indexes.set(name, index);
    const needle = `"${name}":"`;
    const { text, ends } = this;
    let line = 0;
    let from = this.starts[0];
    for (;;) {
      const hit = text.indexOf(needle, from);
      if (hit < 0) break;
      while (line < ends.length && ends[line] < hit) line++;
      if (line === ends.length) break;
      const valueStart = hit + needle.length;
      const valueEnd = text.indexOf('"', valueStart);
      const value = text.slice(valueStart, valueEnd);
      const list = index.get(value);
      if (list) list.push(line);
      else index.set(value, [line]);
      from = valueEnd + 1;
    }
    return index;
  }
}

/** Keys of a product and its prices: never indexed as attributes (the scan could not tell them apart). */
const RESERVED = new Set(['family', 'attributes', 'prices', 'unit', 'usd', 'start', 'end', 'src', 'rateCode']);
/** Few enough lines to parse and match one by one. */
const FEW = 8;
const PRODUCTS_OPEN = ',"products":[\n';
const PRODUCTS_CLOSE = '\n]}';
const COMMA = 44;
const NONE: number[] = [];
