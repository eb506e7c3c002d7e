import { Decimal } from '../core/decimal.js';
import { isUnknown, type AttrValue, type Attributes } from '../input/types.js';

/**
 * Thrown when a cost depends on a value Terraform will only know after apply. The estimate turns
 * it into an unpriced entry that names the attribute, never into a guessed number.
 */
export class UnknownValueError extends Error {
  readonly attribute: string;

  constructor(attribute: string) {
    super(`${attribute} is not known until apply`);
    this.attribute = attribute;
  }
}

/** Thrown when a value is present but unusable (a negative size, a word where a number belongs). */
export class InvalidValueError extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** Usage values for one resource, already matched from the usage file (address or wildcard). */
export type UsageValues = Record<string, unknown>;

/** Resolves another resource of the same project that an attribute refers to. */
export type ReferenceResolver = (fromAddress: string, attributePath: string) => ResourceView | undefined;

/**
 * Read-only access to one resource's attributes and usage, with the conversions resource files
 * need. Absent or null attributes fall back to the default the caller gives (Terraform/AWS
 * defaults); unknown ones throw UnknownValueError.
 */
export class ResourceView {
  readonly address: string;
  readonly type: string;
  readonly region: string;
  private readonly values: Attributes;
  private readonly usageValues: UsageValues;
  private readonly resolve: ReferenceResolver | undefined;
  private readonly path: string;

  constructor(args: {
    address: string;
    type: string;
    region: string;
    values: Attributes;
    usage?: UsageValues;
    resolve?: ReferenceResolver;
    path?: string;
  }) {
    this.address = args.address;
    this.type = args.type;
    this.region = args.region;
    this.values = args.values;
    this.usageValues = args.usage ?? {};
    this.resolve = args.resolve;
    this.path = args.path ?? '';
  }

  private qualified(name: string): string {
    return this.path ? `${this.path}.${name}` : name;
  }

  raw(name: string): AttrValue | undefined {
    return this.values[name];
  }

  isUnknown(name: string): boolean {
    return isUnknown(this.values[name]);
  }

  /** True when the attribute is set to a known, non-null value. */
  has(name: string): boolean {
    const v = this.values[name];
    return v !== undefined && v !== null && !isUnknown(v);
  }

  str(name: string): string | undefined;
  str(name: string, fallback: string): string;
  str(name: string, fallback?: string): string | undefined {
    const v = this.values[name];
    if (isUnknown(v)) throw new UnknownValueError(this.qualified(name));
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new InvalidValueError(`${this.qualified(name)} should be a string`);
  }

  num(name: string): Decimal | undefined;
  num(name: string, fallback: Decimal | number): Decimal;
  num(name: string, fallback?: Decimal | number): Decimal | undefined {
    const v = this.values[name];
    if (isUnknown(v)) throw new UnknownValueError(this.qualified(name));
    if (v === undefined || v === null || v === '') {
      return fallback === undefined ? undefined : typeof fallback === 'number' ? Decimal.fromNumber(fallback) : fallback;
    }
    const d = Decimal.tryFrom(v);
    if (!d) throw new InvalidValueError(`${this.qualified(name)} should be a number, got ${JSON.stringify(v)}`);
    if (d.isNegative()) throw new InvalidValueError(`${this.qualified(name)} must not be negative`);
    return d;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.values[name];
    if (isUnknown(v)) throw new UnknownValueError(this.qualified(name));
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw new InvalidValueError(`${this.qualified(name)} should be true or false`);
  }

  // Optional attributes that the provider computes when the configuration leaves them out
  // (tenancy, monitoring, iops of a gp3 volume, …) are unknown in a plan exactly when they were not
  // set: AWS then applies its default, so for these an unknown value means the default.

  optStr(name: string, fallback: string): string;
  optStr(name: string): string | undefined;
  optStr(name: string, fallback?: string): string | undefined {
    return this.isUnknown(name) ? fallback : fallback === undefined ? this.str(name) : this.str(name, fallback);
  }

  optNum(name: string): Decimal | undefined {
    return this.isUnknown(name) ? undefined : this.num(name);
  }

  optBool(name: string, fallback: boolean): boolean {
    return this.isUnknown(name) ? fallback : this.bool(name, fallback);
  }

  /** Nested blocks (root_block_device, ebs_block_device, …) as views of their own. */
  blocks(name: string): ResourceView[] {
    const v = this.values[name];
    if (isUnknown(v)) throw new UnknownValueError(this.qualified(name));
    if (v === undefined || v === null) return [];
    const list = Array.isArray(v) ? v : [v];
    return list.map((item, i) => {
      if (isUnknown(item)) throw new UnknownValueError(`${this.qualified(name)}[${i}]`);
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw new InvalidValueError(`${this.qualified(name)}[${i}] should be a block`);
      }
      return this.child(item as Attributes, `${name}[${i}]`);
    });
  }

  block(name: string): ResourceView | undefined {
    return this.blocks(name)[0];
  }

  private child(values: Attributes, path: string): ResourceView {
    return new ResourceView({
      address: this.address,
      type: this.type,
      region: this.region,
      values,
      usage: this.usageValues,
      resolve: this.resolve,
      path: this.qualified(path),
    });
  }

  /**
   * The resource an attribute points at (a launch template referenced by an autoscaling group).
   * Plans record such references in their configuration even when the id is not yet known.
   */
  ref(attributePath: string): ResourceView | undefined {
    return this.resolve?.(this.address, attributePath);
  }

  // --- usage -----------------------------------------------------------------------------

  hasUsage(key: string): boolean {
    return this.usageValues[key] !== undefined && this.usageValues[key] !== null;
  }

  /** A numeric usage value, or undefined when the usage file does not give one. */
  usageNum(key: string): Decimal | undefined {
    const v = this.usageValues[key];
    if (v === undefined || v === null) return undefined;
    const d = Decimal.tryFrom(v);
    if (!d) throw new InvalidValueError(`usage ${key} for ${this.address} should be a number, got ${JSON.stringify(v)}`);
    if (d.isNegative()) throw new InvalidValueError(`usage ${key} for ${this.address} must not be negative`);
    return d;
  }

  usageStr(key: string): string | undefined {
    const v = this.usageValues[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    throw new InvalidValueError(`usage ${key} for ${this.address} should be a string`);
  }

  /** A nested usage object (e.g. monthly_data_transfer_gb: { us_east_1: 100 }). */
  usageMap(key: string): Record<string, unknown> | undefined {
    const v = this.usageValues[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) {
      throw new InvalidValueError(`usage ${key} for ${this.address} should be a map`);
    }
    return v as Record<string, unknown>;
  }
}
