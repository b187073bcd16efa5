/** Layer rules: platform types stay in src/bots, Cosmos types in src/store/cosmos, the domain stays pure. */
module.exports = {
  forbidden: [
    {
      name: 'bots-sdks-only-in-bots',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/bots/', '^src/main\\.ts$'] },
      to: { path: 'node_modules/(botbuilder[^/]*|botframework-[^/]*|@slack/[^/]+)/' },
    },
    {
      name: 'cosmos-only-in-store-cosmos',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/cosmos/' },
      to: { path: 'node_modules/@azure/(cosmos|identity)/' },
    },
    {
      name: 'sqlite-only-in-store-embedded',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/embedded/' },
      to: { path: 'node_modules/better-sqlite3/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: ['^src/(?!domain/)', 'node_modules/(?!zod/|luxon/)'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'domain-no-io-builtins',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    },
    {
      name: 'use-cases-do-not-know-platforms',
      severity: 'error',
      from: { path: '^src/(app|cards|scheduler)/' },
      to: { path: '^src/(bots|store/(cosmos|embedded))/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
