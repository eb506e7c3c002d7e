import { Decimal } from '../core/decimal.js';
import type { MetricPoint } from './types.js';

/**
 * Metrics files for unit economics: monthly volumes of a business metric, exported from
 * wherever the business keeps them.
 *
 *   CSV:  month,value            JSON: [{ "month": "2025-01", "value": 1200000 }, …]
 *         2025-01,1200000
 *
 * The header line is optional. Months are YYYY-MM, each at most once; the rows may come in any
 * order and are returned oldest first.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export class MetricFileError extends Error {}

export function parseMetricFile(text: string, fileName: string): MetricPoint[] {
  const points = /\.json$/i.test(fileName) ? parseJson(text) : parseCsv(text);
  if (!points.length) throw new MetricFileError('no months in the file');
  points.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  for (let i = 1; i < points.length; i++) {
    if (points[i].month === points[i - 1].month) throw new MetricFileError(`month ${points[i].month} appears twice`);
  }
  return points;
}

function point(month: unknown, value: unknown, where: string): MetricPoint {
  if (typeof month !== 'string' || !MONTH.test(month.trim())) {
    throw new MetricFileError(`${where}: expected a month as YYYY-MM, got ${JSON.stringify(month ?? null)}`);
  }
  // Numbers are parsed from their text so that 0.1 is exactly 0.1.
  const v = typeof value === 'string' ? Decimal.tryFrom(value.replace(/_/g, '')) : Decimal.tryFrom(value);
  if (v === undefined || v.isNegative()) {
    throw new MetricFileError(`${where}: expected a value ≥ 0, got ${JSON.stringify(value ?? null)}`);
  }
  return { month: month.trim(), value: v };
}

function parseCsv(text: string): MetricPoint[] {
  const points: MetricPoint[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (points.length === 0 && cells[0]?.toLowerCase() === 'month') return;
    if (cells.length !== 2) throw new MetricFileError(`line ${i + 1}: expected "month,value", got ${JSON.stringify(line)}`);
    points.push(point(cells[0], cells[1], `line ${i + 1}`));
  });
  return points;
}

function parseJson(text: string): MetricPoint[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new MetricFileError(`not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(doc)) throw new MetricFileError('expected a JSON list of {"month", "value"}');
  return doc.map((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new MetricFileError(`[${i}]: expected {"month": "YYYY-MM", "value": n}`);
    }
    const r = row as Record<string, unknown>;
    // Keep the number's text exactly when JSON has it as a number.
    return point(r.month, r.value, `[${i}]`);
  });
}

/** Months between two YYYY-MM values (b − a). */
export function monthsBetween(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number);
  const [by, bm] = b.split('-').map(Number);
  return (by - ay) * 12 + (bm - am);
}
