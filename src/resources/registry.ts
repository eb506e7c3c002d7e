import { ALL_PRICED_TYPES } from './aws/all.js';
import { FREE_TYPES, KNOWN_PRICED_TYPES } from './aws/catalog.js';
import type { ResourceType } from './types.js';

/**
 * Every resource type costdiff knows: priced (a resource file, listed in aws/all.ts), free (AWS
 * does not bill it) or known but not supported yet. "Unsupported" is never shown as "free".
 */
const PRICED: Readonly<Record<string, ResourceType>> = ALL_PRICED_TYPES;

/** Free on their own: what they describe is billed through the resource that uses them. */
const BILLED_ELSEWHERE: Record<string, string> = {
  aws_launch_template: 'billed through the autoscaling group or instance that uses it',
  aws_launch_configuration: 'billed through the autoscaling group that uses it',
};

/** Pseudo resources that exist only in usage files. */
export const USAGE_ONLY_TYPES = new Set(['aws_data_transfer']);

export type Classification = Readonly<{ kind: 'priced' } | { kind: 'free'; note?: string } | { kind: 'unsupported'; known: boolean }>;

// One shared answer per type: classify runs once per resource of every plan.
const IS_PRICED: Classification = { kind: 'priced' };
const FREE: ReadonlyMap<string, Classification> = new Map<string, Classification>([
  ...FREE_TYPES.filter((t) => !(t in PRICED)).map((t): [string, Classification] => [t, { kind: 'free' }]),
  ...Object.entries(BILLED_ELSEWHERE).map(([t, note]): [string, Classification] => [t, { kind: 'free', note }]),
]);
const knownPriced = new Set(KNOWN_PRICED_TYPES);
const KNOWN_UNSUPPORTED: Classification = { kind: 'unsupported', known: true };
const UNKNOWN_TYPE: Classification = { kind: 'unsupported', known: false };

export function classify(type: string): Classification {
  if (Object.hasOwn(PRICED, type)) return IS_PRICED;
  return FREE.get(type) ?? (knownPriced.has(type) ? KNOWN_UNSUPPORTED : UNKNOWN_TYPE);
}

/** A priced type's definition. */
export function resourceType(type: string): ResourceType {
  if (!Object.hasOwn(PRICED, type)) throw new Error(`${type} is not a priced resource type`);
  return PRICED[type];
}

export function pricedTypeNames(): string[] {
  return Object.keys(PRICED).sort();
}

/** Every priced type's definition, by name. */
export function pricedTypes(): ResourceType[] {
  return pricedTypeNames().map(resourceType);
}

export function freeTypeNames(): string[] {
  return [...FREE.keys()].sort();
}

/** Known to cost money on AWS, but without a resource file yet. */
export function unsupportedKnownTypes(): string[] {
  return [...knownPriced].filter((t) => !Object.hasOwn(PRICED, t) && !FREE.has(t)).sort();
}
