import { isUnknown } from '../../../input/types.js';
import { InvalidValueError, UnknownValueError, type ResourceView } from '../../view.js';

export type LambdaArchitecture = 'x86_64' | 'arm64';

/**
 * The function's instruction set. `architectures` is computed when the configuration leaves it
 * out, and AWS then uses x86_64.
 */
export function lambdaArchitecture(fn: ResourceView): LambdaArchitecture {
  if (fn.isUnknown('architectures')) return 'x86_64';
  const list = fn.raw('architectures');
  const first = Array.isArray(list) ? list[0] : undefined;
  if (isUnknown(first)) throw new UnknownValueError('architectures[0]');
  if (first === undefined || first === null) return 'x86_64';
  if (first === 'x86_64' || first === 'arm64') return first;
  throw new InvalidValueError(`architectures ${JSON.stringify(first)} is not x86_64 or arm64`);
}

/** Price List group suffix of the Arm variants of each Lambda price. */
export function lambdaGroup(base: string, arch: LambdaArchitecture): string {
  return arch === 'arm64' ? `${base}-ARM` : base;
}
