import type { ResourceType } from '../types.js';

/** Managed databases, caches, containers and networking services (Aurora, ElastiCache, EKS, …). */
export const PLATFORM_SERVICE_TYPES: ResourceType[] = [];
