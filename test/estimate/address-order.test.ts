/**
 * Resource address order: digit runs compare as numbers (web[2] before web[10]), other characters
 * ignoring ASCII case, exact text last. compareAddresses skips identical prefixes for speed; this
 * checks it against a plain tokenising comparator over examples and random addresses.
 */
import { compareAddresses } from '../../src/estimate/addresses.js';
import { Rng } from '../support/generate.js';

/** The order spelled out: split into digit runs and single characters, compare token by token. */
function referenceCompare(a: string, b: string): number {
  const tokens = (s: string) => s.match(/\d+|\D/g) ?? [];
  const ta = tokens(a);
  const tb = tokens(b);
  let restA = 0;
  let restB = 0;
  for (let k = 0; k < Math.max(ta.length, tb.length); k++) {
    const x = ta[k];
    const y = tb[k];
    if (x === undefined || y === undefined) {
      restA = ta.slice(k).join('').length;
      restB = tb.slice(k).join('').length;
      break;
    }
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
      continue;
    }
    const d = x[0].toLowerCase().charCodeAt(0) - y[0].toLowerCase().charCodeAt(0);
    if (d !== 0) return d;
  }
  if (restA !== restB) return restA - restB;
  return a < b ? -1 : a > b ? 1 : 0;
}

const sign = (n: number) => Math.sign(n);

function randomAddresses(seed: number): () => string {
  const rng = new Rng(seed);
  const alphabet = ['a', 'B', 'b', '.', '[', ']', '_', '0', '0', '1', '2', '9', '"', 'é', '→'];
  const prefixes = ['', 'aws_instance.web[', 'module.app.aws_ebs_volume.data', 'module.x[0', 'aws_s3_bucket.b["0'];
  return () => {
    let s = prefixes[rng.int(0, prefixes.length - 1)];
    for (let n = rng.int(0, 6); n > 0; n--) s += alphabet[rng.int(0, alphabet.length - 1)];
    return s;
  };
}

describe('compareAddresses', () => {
  test('numbers inside addresses sort by value, letters ignore case, equal text is equal', () => {
    const sorted = ['aws_instance.web[10]', 'aws_instance.web[2]', 'AWS_instance.web[1]', 'aws_instance.web', 'aws_instance.web[02]'].sort(compareAddresses);
    expect(sorted).toEqual(['aws_instance.web', 'AWS_instance.web[1]', 'aws_instance.web[02]', 'aws_instance.web[2]', 'aws_instance.web[10]']);
    expect(compareAddresses('module.a.aws_s3_bucket.b', 'module.a.aws_s3_bucket.b')).toBe(0);
    expect(sign(compareAddresses('x12', 'x9'))).toBe(1);
    expect(sign(compareAddresses('x1', 'x12'))).toBe(-1);
    expect(sign(compareAddresses('x007a', 'x07b'))).toBe(-1);
  });

  test('agrees with the tokenising comparator on random addresses with shared prefixes', () => {
    const word = randomAddresses(20261122);
    let disagreements = 0;
    for (let k = 0; k < 20000; k++) {
      const a = word();
      const b = k % 4 === 0 ? a : word();
      if (sign(compareAddresses(a, b)) !== sign(referenceCompare(a, b)) || sign(compareAddresses(a, b)) !== -sign(compareAddresses(b, a))) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
});
