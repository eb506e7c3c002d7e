import { UserError } from '../../core/errors.js';
import type { PricingCache } from '../cache/reader.js';
import type { PriceSource } from '../types.js';

export interface OnlineSourceOptions {
  log?: (line: string) => void;
}

export function createOnlineSource(_cache: PricingCache, _options: OnlineSourceOptions): PriceSource {
  throw new UserError('online pricing is not available in this build');
}
