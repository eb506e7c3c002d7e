/**
 * What every input (plan JSON, binary plan, .tf directory) is turned into: a list of resource
 * changes per project. Everything downstream works on this shape only.
 */

/** Terraform's planned action, collapsed to what changes a bill. */
export type ChangeAction = 'create' | 'update' | 'delete' | 'replace' | 'no-op';

/**
 * Marker for a value Terraform cannot know before apply (a computed attribute, a data source, an
 * output of a module that is not available). Never replaced by a guess.
 */
export const UNKNOWN: unique symbol = Symbol.for('costdiff.unknown');
export type Unknown = typeof UNKNOWN;

/** Attribute values as Terraform has them, with UNKNOWN where the plan or evaluation cannot tell. */
export type AttrValue = string | number | boolean | null | Unknown | AttrValue[] | { [key: string]: AttrValue };
export type Attributes = { [key: string]: AttrValue };

export interface ResourceState {
  /** Attribute values; unknown ones are UNKNOWN. */
  values: Attributes;
}

export interface ResourceChange {
  /** Full address including module path and index: module.app.aws_instance.web[0]. */
  address: string;
  /** Terraform resource type, e.g. aws_instance. */
  type: string;
  /** Module path prefix ("" for the root module), e.g. module.app. */
  module: string;
  /** Region the provider configuration resolves to for this resource. */
  region: string;
  /** How the region was found, for warnings: plan, provider block, environment, flag or default. */
  regionSource: RegionSource;
  action: ChangeAction;
  /** State before the change (prior state); undefined for creates. */
  before?: ResourceState;
  /** State after the change; undefined for deletes. */
  after?: ResourceState;
  /**
   * Which other resources an attribute refers to, by attribute path ("launch_template.id",
   * "launch_configuration") → configuration addresses ("aws_launch_template.web.id", "var.x").
   * Plans record these even where the value itself is unknown until apply.
   */
  references?: Record<string, string[]>;
  /** The count/for_each key of this instance, when it has one. */
  index?: string | number;
}

export type RegionSource = 'provider' | 'resource' | 'environment' | 'flag' | 'default';

export interface Project {
  name: string;
  /** Path the project was read from, as the user gave it. */
  path: string;
  /** The project's default (provider) region. */
  region: string;
  resources: ResourceChange[];
  /** Things a user should know about how the input was read (default region, skipped modules). */
  warnings: string[];
  /** A usage file for this project alone (from costdiff.yml), instead of --usage-file. */
  usageFile?: string;
}

/** How the region is chosen when the input does not say: flag, then environment, then default. */
export interface RegionDefaults {
  flag?: string;
  env: NodeJS.ProcessEnv;
}

export function isUnknown(v: unknown): v is Unknown {
  return v === UNKNOWN;
}
