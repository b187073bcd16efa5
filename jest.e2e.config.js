/** The Agents Playground suite (test/e2e): a real Teams client, so it runs apart from the main jest run. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  // One Playground and one browser at a time.
  maxWorkers: 1,
  testTimeout: 120000,
};
