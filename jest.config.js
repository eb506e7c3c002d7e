// Tests are written in TypeScript and compiled by `tsc` with the sources (npm test builds first),
// so jest runs plain ES modules: no transform, no second compiler with its own idea of the code.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test'],
  testMatch: ['**/*.test.js'],
  transform: {},
  testTimeout: 30000,
};
