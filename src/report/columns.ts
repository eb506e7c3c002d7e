/**
 * Plain-text columns for the terminal reports. This replaces the `table` package for costdiff's
 * borderless layout: rendering one breakdown with `table` took about 40 ms (module load plus its
 * width computations), a fifth of a small run, while this takes well under 1 ms for the same
 * rows (see `npm run bench`, "table layout").
 */

export type Alignment = 'left' | 'right' | 'center';

/** East Asian wide characters and emoji take two terminal cells. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, alignment: Alignment): string {
  const gap = width - displayWidth(text);
  if (gap <= 0) return text;
  if (alignment === 'right') return ' '.repeat(gap) + text;
  if (alignment === 'center') {
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + text + ' '.repeat(gap - left);
  }
  return text + ' '.repeat(gap);
}

/** Rows of cells, each column as wide as its widest cell and `gutter` spaces apart; no trailing blanks. */
export function renderColumns(rows: string[][], alignments: Alignment[], gutter = 2): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  const spacer = ' '.repeat(gutter);
  return rows.map((row) => row.map((cell, i) => pad(cell, widths[i], alignments[i] ?? 'left')).join(spacer).trimEnd()).join('\n');
}
