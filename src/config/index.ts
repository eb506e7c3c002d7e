export * from './types.js';
export { ConfigError, DEFAULT_CONFIG_FILE, findConfig, loadConfig, parseConfig } from './load.js';
export { parseMetricFile, monthsBetween } from './metrics.js';
