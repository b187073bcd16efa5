/**
 * Layer rules: platform types stay in src/bots, Cosmos types in src/store/cosmos, the domain stays pure;
 * src/app is reached through its root files and each feature's index (src/app/README.md).
 */
module.exports = {
  forbidden: [
    {
      name: 'bots-sdks-only-in-bots',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/bots/', '^src/main\\.ts$'] },
      to: {
        path: 'node_modules/(botbuilder[^/]*|botframework-[^/]*|@slack/[^/]+)/',
        pathNot: 'node_modules/@slack/types/',
      },
    },
    {
      name: 'slack-types-only-in-blockkit-and-bots',
      comment:
        "@slack/types is Slack's JSON schema as types, no client: src/cards/blockkit is the Slack rendering of the views and types its blocks with it; nothing else outside src/bots names it.",
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/bots/', '^src/cards/blockkit/', '^src/main\\.ts$'] },
      to: { path: 'node_modules/@slack/types/' },
    },
    {
      name: 'cosmos-only-in-store-cosmos',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/cosmos/' },
      to: { path: 'node_modules/@azure/cosmos/' },
    },
    {
      name: 'entra-tokens-only-in-cosmos-and-teams',
      comment: 'Entra credentials: the Cosmos store (managed identity) and the Teams bot (Graph tokens to install its app for people).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/store/cosmos/', '^src/bots/teams/'] },
      to: { path: 'node_modules/@azure/identity/' },
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
    {
      name: 'bots-see-only-the-app-root',
      comment: 'The bots reach use cases through the root files of src/app (routing tables, ports, identity), never a feature folder.',
      severity: 'error',
      from: { path: '^src/bots/' },
      to: { path: '^src/app/[^/]+/' },
    },
    {
      name: 'features-meet-through-their-index',
      comment: "A feature folder of src/app uses another feature only through that feature's index.ts.",
      severity: 'error',
      from: { path: '^src/app/([^/]+)/' },
      to: { path: '^src/app/[^/]+/', pathNot: ['^src/app/$1/', '^src/app/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-app-through-root-or-index',
      comment: "Code outside src/app uses a feature through its index.ts (or the app's root files), not its inner files.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/app/' },
      to: { path: '^src/app/[^/]+/', pathNot: '^src/app/[^/]+/index\\.ts$' },
    },
    {
      name: 'planning-and-sending-apart',
      comment: 'As Company Communicator splits prepare and send: the planner writes the outbox, the dispatcher drains it; neither imports the other.',
      severity: 'error',
      from: { path: '^src/scheduler/(plan|send)/' },
      to: { path: '^src/scheduler/(plan|send)/', pathNot: '^src/scheduler/$1/' },
    },
    {
      name: 'imports-take-no-cards',
      comment: 'Reading school files is below the cards: an import says what it did in the domain\'s words (countOf is in src/domain).',
      severity: 'error',
      from: { path: '^src/imports/' },
      to: { path: '^src/cards/' },
    },
    {
      name: 'exports-take-no-cards',
      comment: 'A CSV export is built from the read models of src/app, never from a card view.',
      severity: 'error',
      from: { path: '^src/exports/' },
      to: { path: '^src/cards/' },
    },
    {
      name: 'dev-and-cli-apart',
      comment: 'The /dev page and the CLI are two front doors; what both need (the demo school) lives in src/app.',
      severity: 'error',
      from: { path: '^src/(dev|cli)/' },
      to: { path: '^src/(dev|cli)/', pathNot: '^src/$1/' },
    },
    {
      name: 'bots-reach-the-store-through-app',
      comment: 'The bots name the store only through the app\'s ports (AppDeps), never src/store.',
      severity: 'error',
      from: { path: '^src/bots/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'ports-import-no-feature',
      comment: 'The ports at the root of src/app (deps, outbound, notice, signed links, card copies) are what features import; they import no feature back.',
      severity: 'error',
      from: { path: '^src/app/(deps|outbound|notice|signed-links|card-copies)\\.ts$' },
      to: { path: '^src/app/[^/]+/' },
    },
    {
      name: 'dev-only-from-main',
      comment: 'src/dev (the /dev page, its samples) is mounted by main.ts and imported by nothing else that ships.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/dev/', '^src/main\\.ts$'] },
      to: { path: '^src/dev/' },
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
