/**
 * The order resources are listed in, everywhere: aws_x.y[2] before aws_x.y[10] (digit runs
 * compare as numbers), other characters ignoring ASCII case, the exact text last.
 */

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * Compares two addresses in that order. Written out rather than an Intl.Collator, whose ICU
 * start-up alone cost about a tenth of a small breakdown's time.
 */
export function compareAddresses(a: string, b: string): number {
  // Sorting ten thousand addresses compares pairs that share long prefixes
  // (`module.app.aws_instance.web[`): skip the identical prefix with plain equality, backing up
  // to the start of a digit run that reaches the first difference, whose value decides.
  const n = a.length < b.length ? a.length : b.length;
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  if (k === a.length && k === b.length) return 0;
  while (k > 0 && isDigit(a.charCodeAt(k - 1))) k--;
  return compareFrom(a, b, k);
}

/** compareAddresses over the rest of two strings that are identical before `start`. */
function compareFrom(a: string, b: string, start: number): number {
  let i = start;
  let j = start;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let si = i;
      let sj = j;
      while (si < a.length - 1 && a.charCodeAt(si) === 48 && isDigit(a.charCodeAt(si + 1))) si++;
      while (sj < b.length - 1 && b.charCodeAt(sj) === 48 && isDigit(b.charCodeAt(sj + 1))) sj++;
      let ei = si;
      let ej = sj;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
      continue;
    }
    const d = lower(ca) - lower(cb);
    if (d !== 0) return d;
    i++;
    j++;
  }
  const rest = a.length - i - (b.length - j);
  if (rest !== 0) return rest;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort comparator for anything with an address. */
export function byAddress(a: { address: string }, b: { address: string }): number {
  return compareAddresses(a.address, b.address);
}
