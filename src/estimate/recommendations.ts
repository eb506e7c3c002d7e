import { Decimal } from '../core/decimal.js';
import type { PriceBook } from '../pricing/resolve.js';
import { collectQueries, resolvePrices } from '../pricing/resolve.js';
import { queryKey, type PriceQuery, type PriceResult, type PriceSource } from '../pricing/types.js';
import { ebsVolumeComponents } from '../resources/aws/shared/ebs.js';
import { scale } from '../resources/aws/shared/instance.js';
import type { ResourceCostResult } from '../resources/evaluate.js';
import type { CostComponentSpec, SubresourceSpec } from '../resources/types.js';
import { ResourceView } from '../resources/view.js';
import { compareAddresses } from './addresses.js';
import { estimateResource } from './cost.js';
import type { Recommendation } from './types.js';

export type { Recommendation } from './types.js';

/**
 * Savings recommendations, computed from the same prices and the same estimate code as the
 * breakdown. Candidates are read from what resource files already declare — each component's
 * Price List query and quantity — so every resource that prices an EC2 instance, an EBS volume,
 * an RDS instance or a cache node is covered. An alternative is recommended only when every one
 * of its lines has a price in the region and the total is lower.
 */

/** Previous-generation families → current generations of the same size, in preference order. */
const EC2_PREVIOUS_GENERATION: Record<string, string[]> = {
  m1: ['m5', 'm6i', 'm7i'],
  m3: ['m5', 'm6i', 'm7i'],
  m4: ['m5', 'm6i', 'm7i'],
  c1: ['c5', 'c6i', 'c7i'],
  c3: ['c5', 'c6i', 'c7i'],
  c4: ['c5', 'c6i', 'c7i'],
  r3: ['r5', 'r6i', 'r7i'],
  r4: ['r5', 'r6i', 'r7i'],
  t1: ['t3'],
  t2: ['t3'],
};

/** x86 families → Graviton families of the same size (Linux only: no Windows on arm64). */
const EC2_GRAVITON: Record<string, string[]> = {
  m5: ['m6g', 'm7g'],
  m5a: ['m6g', 'm7g'],
  m6i: ['m6g', 'm7g'],
  m6a: ['m6g', 'm7g'],
  m7i: ['m7g'],
  c5: ['c6g', 'c7g'],
  c5a: ['c6g', 'c7g'],
  c6i: ['c6g', 'c7g'],
  c6a: ['c6g', 'c7g'],
  c7i: ['c7g'],
  r5: ['r6g', 'r7g'],
  r5a: ['r6g', 'r7g'],
  r6i: ['r6g', 'r7g'],
  r6a: ['r6g', 'r7g'],
  r7i: ['r7g'],
  t3: ['t4g'],
  t3a: ['t4g'],
};

const RDS_PREVIOUS_GENERATION: Record<string, string[]> = {
  'db.m3': ['db.m5', 'db.m6i', 'db.m6g', 'db.m7g'],
  'db.m4': ['db.m5', 'db.m6i', 'db.m6g', 'db.m7g'],
  'db.r3': ['db.r5', 'db.r6i', 'db.r6g', 'db.r7g'],
  'db.r4': ['db.r5', 'db.r6i', 'db.r6g', 'db.r7g'],
  'db.t2': ['db.t3', 'db.t4g'],
};

const CACHE_PREVIOUS_GENERATION: Record<string, string[]> = {
  'cache.m3': ['cache.m5', 'cache.m6g', 'cache.m7g'],
  'cache.m4': ['cache.m5', 'cache.m6g', 'cache.m7g'],
  'cache.r3': ['cache.r5', 'cache.r6g', 'cache.r7g'],
  'cache.r4': ['cache.r5', 'cache.r6g', 'cache.r7g'],
  'cache.t2': ['cache.t3', 'cache.t4g'],
};

/** ECS Fargate x86_64 lines → their ARM64 (Graviton) usagetypes; ephemeral storage costs the same. */
const FARGATE_ARM: Record<string, string> = {
  'Fargate-vCPU-Hours:perCPU': 'Fargate-ARM-vCPU-Hours:perCPU',
  'Fargate-GB-Hours': 'Fargate-ARM-GB-Hours',
};

/** gp2 delivers 3 IOPS per GiB, between 100 and 16,000. */
const GP2_IOPS_PER_GB = Decimal.fromInt(3);
const GP2_MIN_IOPS = Decimal.fromInt(100);
const GP2_MAX_IOPS = Decimal.fromInt(16000);
/** gp2 throughput: 128 MiB/s up to 170 GiB, 250 MiB/s above (with burst credits up to 334 GiB). */
const GP2_SMALL_VOLUME_GB = Decimal.fromInt(170);
const GP2_SMALL_MIBPS = Decimal.fromInt(128);
const GP2_LARGE_MIBPS = Decimal.fromInt(250);
const GP3_BASELINE_IOPS = Decimal.fromInt(3000);
const GP3_BASELINE_MIBPS = Decimal.fromInt(125);
const GP3_MAX_IOPS = Decimal.fromInt(16000);

interface Alternative {
  change: string;
  detail: string;
  components: CostComponentSpec[];
}

interface Candidate {
  address: string;
  type: string;
  region: string;
  current: CostComponentSpec[];
  alternatives: Alternative[];
}

/** Recommendations for the priced resources of one side, cheapest alternative per finding. */
export async function recommend(results: ResourceCostResult[], source: PriceSource, known: PriceBook = new Map()): Promise<Recommendation[]> {
  const candidates = results.flatMap((r) => (r.spec ? candidatesOf(r) : []));
  if (candidates.length === 0) return [];
  const specs = candidates.flatMap((c) => [{ components: c.current }, ...c.alternatives.map((a) => ({ components: a.components }))]);
  const book = await resolvePrices(collectQueries(specs), knownFirst(known, source));

  const out: Recommendation[] = [];
  for (const c of candidates) {
    const current = monthlyCost(c, c.current, book);
    if (current === undefined) continue;
    let best: { alt: Alternative; cost: Decimal } | undefined;
    for (const alt of c.alternatives) {
      const cost = monthlyCost(c, alt.components, book);
      if (cost !== undefined && cost.lt(current) && (!best || cost.lt(best.cost))) best = { alt, cost };
    }
    if (best) out.push({ address: c.address, change: best.alt.change, monthlySaving: current.minus(best.cost), detail: best.alt.detail });
  }
  return out.sort((a, b) => b.monthlySaving.cmp(a.monthlySaving) || compareAddresses(a.address, b.address));
}

/**
 * Prices already looked up for the breakdown are reused; only alternatives are asked for. A
 * failed lookup (the Price List API unreachable) only means no recommendation, never a failed run.
 */
function knownFirst(known: PriceBook, source: PriceSource): PriceSource {
  return {
    lookup: async (q: PriceQuery): Promise<PriceResult> => {
      const hit = known.get(queryKey(q));
      if (hit) return hit;
      try {
        return await source.lookup(q);
      } catch (err) {
        return { found: false, reason: (err as Error).message };
      }
    },
  };
}

/** Monthly cost through the estimate stage, or undefined when any line lacks a price or usage. */
function monthlyCost(c: Candidate, components: CostComponentSpec[], book: PriceBook): Decimal | undefined {
  const e = estimateResource({ address: c.address, type: c.type, region: c.region, status: 'priced', spec: { components } }, book);
  if (e.unpriced.length || e.components.some((x) => x.monthlyCost === null) || e.monthlyCost === null) return undefined;
  return e.monthlyCost;
}

// --- finding candidates ------------------------------------------------------------------------

interface Owner {
  components: CostComponentSpec[];
  subresources?: SubresourceSpec[];
}

function candidatesOf(r: ResourceCostResult): Candidate[] {
  const out: Candidate[] = [];
  // Literals rather than `{ ...base, … }`: this runs for every priced resource of a plan.
  const candidate = (c: Omit<Candidate, 'address' | 'type'>): Candidate => ({ address: r.address, type: r.type, region: c.region, current: c.current, alternatives: c.alternatives });
  // Volumes are multiplied by the nearest EC2 instance line's hourly quantity (an autoscaling
  // group's capacity); a resource's own top-level volume is one volume; otherwise the count is
  // unknown and the volume is skipped.
  const walk = (owner: Owner, inherited: Decimal | undefined, topLevel: boolean): void => {
    const instances = owner.components.filter(isEc2Instance);
    const count = instances.length ? integralPerHour(instances[0]) : inherited;
    for (const component of owner.components) {
      const alternatives = instanceAlternatives(component);
      if (alternatives.length) out.push(candidate({ region: r.region, current: [component], alternatives }));
    }
    const volume = volumeCandidate(owner.components, count ?? (topLevel ? Decimal.ONE : undefined));
    if (volume) out.push(candidate(volume));
    const fargate = fargateCandidate(owner.components);
    if (fargate) out.push(candidate(fargate));
    for (const s of owner.subresources ?? []) walk(s, count, false);
  };
  if (r.spec) walk(r.spec, undefined, true);
  return out;
}

function isEc2Instance(c: CostComponentSpec): boolean {
  return c.price.service === 'AmazonEC2' && (c.price.productFamily ?? '').startsWith('Compute Instance') && c.price.attributes.instanceType !== undefined;
}

function integralPerHour(c: CostComponentSpec): Decimal | undefined {
  if (c.quantity === null || !('perHour' in c.quantity)) return undefined;
  const n = c.quantity.perHour;
  return n.isPositive() && n.floor().eq(n) ? n : undefined;
}

/** The same query for another instance type (and the usagetype that names it, if any). */
function withInstanceType(q: PriceQuery, from: string, to: string): PriceQuery {
  const attributes: Record<string, string> = { ...q.attributes, instanceType: to };
  const usagetype = q.attributes.usagetype;
  if (usagetype?.endsWith(`:${from}`)) attributes.usagetype = `${usagetype.slice(0, -from.length)}${to}`;
  return { ...q, attributes };
}

function swap(c: CostComponentSpec, from: string, to: string): CostComponentSpec {
  return { ...c, name: c.name.split(from).join(to), price: withInstanceType(c.price, from, to) };
}

function instanceAlternatives(c: CostComponentSpec): Alternative[] {
  const type = c.price.attributes.instanceType;
  if (!type || c.quantity === null) return [];
  const { service, productFamily } = c.price;
  // Families are "m4", "db.m4", "cache.m4": the type less its size.
  const family = type.slice(0, type.lastIndexOf('.'));
  const size = type.slice(family.length + 1);
  const to = (targets: string[], detail: (target: string) => string): Alternative[] =>
    targets.map((f) => {
      const target = `${f}.${size}`;
      return { change: `${type} → ${target}`, detail: detail(target), components: [swap(c, type, target)] };
    });
  const newerGeneration = (target: string): string => `${family} is a previous generation; ${target} is the same size in a current generation`;

  if (isEc2Instance(c)) {
    const previous = EC2_PREVIOUS_GENERATION[family];
    if (previous) return to(previous, newerGeneration);
    const graviton = EC2_GRAVITON[family];
    if (graviton && c.price.attributes.operatingSystem === 'Linux') {
      return to(graviton, (target) => `${target} is the Graviton (arm64) equivalent; needs arm64 builds of the AMI and software`);
    }
    return [];
  }
  if (service === 'AmazonRDS' && productFamily === 'Database Instance') return to(RDS_PREVIOUS_GENERATION[family] ?? [], newerGeneration);
  if (service === 'AmazonElastiCache' && productFamily === 'Cache Instance') return to(CACHE_PREVIOUS_GENERATION[family] ?? [], newerGeneration);
  return [];
}

/** x86_64 Fargate tasks on ECS → ARM64 at the same vCPU and memory (EKS Fargate has no ARM64). */
function fargateCandidate(components: CostComponentSpec[]): Omit<Candidate, 'address' | 'type'> | undefined {
  const current = components.filter((c) => c.price.service === 'AmazonECS' && FARGATE_ARM[c.price.attributes.usagetype ?? ''] !== undefined);
  if (current.length === 0) return undefined;
  const arm = (c: CostComponentSpec): CostComponentSpec => ({
    ...c,
    price: { ...c.price, attributes: { ...c.price.attributes, usagetype: FARGATE_ARM[c.price.attributes.usagetype!] } },
  });
  return {
    region: current[0].price.region,
    current,
    alternatives: [
      {
        change: 'Fargate x86_64 → ARM64',
        detail: 'the same vCPU and memory on Graviton (ARM64) Fargate; needs arm64 container images',
        components: current.map(arm),
      },
    ],
  };
}

/** gp2 → gp3 and io1 → io2/gp3 for the one EBS volume an owner's lines describe. */
function volumeCandidate(components: CostComponentSpec[], count: Decimal | undefined): Omit<Candidate, 'address' | 'type'> | undefined {
  const storage = components.filter((c) => c.price.service === 'AmazonEC2' && c.price.productFamily === 'Storage' && c.price.attributes.volumeApiName !== undefined);
  if (storage.length !== 1 || count === undefined) return undefined;
  const [s] = storage;
  const type = s.price.attributes.volumeApiName;
  if ((type !== 'gp2' && type !== 'io1') || s.quantity === null || !('perMonth' in s.quantity)) return undefined;
  const current = components.filter((c) => c.price.service === 'AmazonEC2' && c.price.attributes.volumeApiName === type);
  const region = s.price.region;
  const sizeGb = s.quantity.perMonth.dividedBy(count);
  const view = new ResourceView({ address: 'recommendation', type: 'aws_ebs_volume', region, values: {} });
  const volume = (spec: { type: string; iops?: Decimal; throughputMibps?: Decimal }): CostComponentSpec[] => scale(ebsVolumeComponents(view, { sizeGb, ...spec }), count);

  if (type === 'gp2') {
    const iops = Decimal.min(Decimal.max(sizeGb.times(GP2_IOPS_PER_GB), GP2_MIN_IOPS), GP2_MAX_IOPS);
    const mibps = sizeGb.gt(GP2_SMALL_VOLUME_GB) ? GP2_LARGE_MIBPS : GP2_SMALL_MIBPS;
    const gp3Iops = Decimal.max(iops, GP3_BASELINE_IOPS);
    const gp3Mibps = Decimal.max(mibps, GP3_BASELINE_MIBPS);
    return {
      region,
      current,
      alternatives: [
        {
          change: 'gp2 → gp3',
          detail: `gp3 at gp2's performance for ${sizeGb.toString()} GB: ${gp3Iops.toString()} IOPS, ${gp3Mibps.toString()} MiB/s`,
          components: volume({ type: 'gp3', iops: gp3Iops, throughputMibps: gp3Mibps }),
        },
      ],
    };
  }
  const iopsLine = current.find((c) => c.price.productFamily === 'System Operation');
  if (!iopsLine || iopsLine.quantity === null || !('perMonth' in iopsLine.quantity)) return undefined;
  const iops = iopsLine.quantity.perMonth.dividedBy(count);
  const alternatives: Alternative[] = [
    { change: 'io1 → io2', detail: `io2 at the same ${iops.toString()} IOPS, with higher durability`, components: volume({ type: 'io2', iops }) },
  ];
  if (!iops.gt(GP3_MAX_IOPS)) {
    alternatives.push({
      change: 'io1 → gp3',
      detail: `gp3 at the same ${iops.toString()} IOPS and its 125 MiB/s baseline throughput (check the workload's throughput)`,
      components: volume({ type: 'gp3', iops: Decimal.max(iops, GP3_BASELINE_IOPS) }),
    });
  }
  return { region, current, alternatives };
}
