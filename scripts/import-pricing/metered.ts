/**
 * Shared shapes for dataset mappings: a metered-unit-map CSV row becomes an ImportRow whose
 * attributes are Price List vocabulary (see mappings.ts for why).
 */

export interface ImportRow {
  service: string;
  region: string;
  family?: string;
  attributes: Record<string, string>;
  unit: string;
  usd: string;
  start?: string;
  end?: string;
  source: string;
  date: string;
  rateCode?: string;
}

export type Csv = Record<string, string>;

export interface Mapped {
  service?: string;
  family?: string;
  attributes: Record<string, string>;
  unit?: string;
  /** Tier bounds when the feed states them in the key text rather than in tier columns. */
  start?: string;
  end?: string;
}

export type KeyMapper = (key: string, row: Csv) => Mapped | undefined;

/** A mapping to one Price List product (family + attributes), optionally one tier of it. */
export function mapped(family: string | undefined, attributes: Record<string, string>, unit: string, start?: string, end?: string): Mapped {
  return {
    ...(family ? { family } : {}),
    attributes,
    unit,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
  };
}

/** One dataset file and how to read it. */
export interface Dataset {
  file: string;
  /** In this repository's scripts/import-pricing/feeds/ rather than the shared datasets folder. */
  bundled?: boolean;
  rows(row: Csv): ImportRow | undefined;
}

export const RATE_CODE = /rateCode=([A-Z0-9]+\.[A-Z0-9]+\.[A-Z0-9]+)/;
const TIER_SUFFIX = / from \S+ to \S+$/;

/** Tier bounds in the data-transfer file are written as "10TB"; AWS tiers count 1 TB = 1,024 GB. */
export function tierBound(text: string): string | undefined {
  if (text === '' || text === 'Inf') return undefined;
  const tb = /^(\d+)TB$/.exec(text);
  if (tb) return String(Number(tb[1]) * 1024);
  if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`unrecognised tier bound ${text}`);
  return text;
}

/** A metered-unit-map CSV (service,region,product_family,usage_type_or_key,…). */
export function meteredDataset(file: string, map: KeyMapper, service?: string): Dataset {
  return {
    file,
    rows(row) {
      const key = row.usage_type_or_key.replace(TIER_SUFFIX, '');
      const mapped = map(key, row);
      const rateCode = RATE_CODE.exec(row.description)?.[1];
      return {
        service: mapped?.service ?? service ?? row.service,
        region: row.region,
        family: mapped?.family ?? (row.product_family || undefined),
        attributes: mapped?.attributes ?? { feedKey: key },
        unit: mapped?.unit ?? row.unit,
        usd: row.usd_price,
        start: mapped?.start ?? tierBound(row.tier_start),
        end: mapped?.end ?? tierBound(row.tier_end),
        source: row.source,
        date: row.source_date,
        ...(rateCode ? { rateCode } : {}),
      };
    },
  };
}

export function table(entries: Record<string, Mapped>): KeyMapper {
  return (key) => entries[key];
}

