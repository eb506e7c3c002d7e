import { UserError } from '../../core/errors.js';

export interface RefreshOptions {
  cacheDir: string;
  regions: string[];
  services: string[];
  log: (line: string) => void;
  progress: boolean;
}

export interface RefreshSummary {
  files: number;
  products: number;
}

export async function refreshCache(_options: RefreshOptions): Promise<RefreshSummary> {
  throw new UserError('pricing refresh is not available in this build');
}
