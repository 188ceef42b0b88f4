/**
 * Dependencies point inward (docs/product/rules.md, "Constraints"; ADR 0001):
 * domain <- application <- adapters <- apps/api. Any arrow the other way fails CI.
 */
const adapters = '^packages/adapters-([^/]+)/';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports only big.js: no framework, no I/O, no Node built-ins.',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: {
        pathNot: ['^packages/domain/src', 'node_modules/big\\.js', 'node_modules/@types/big\\.js'],
      },
    },
    {
      name: 'application-depends-only-on-domain',
      severity: 'error',
      from: { path: '^packages/application/src', pathNot: '\\.(test|contract)\\.ts$|/testing/' },
      to: {
        pathNot: ['^packages/application/src', '^packages/domain/src', 'node_modules/big\\.js'],
      },
    },
    {
      name: 'adapter-never-imports-another-adapter',
      severity: 'error',
      // Tests may wire another adapter (e.g. memory stores around the adapter under test).
      from: { path: adapters, pathNot: '(\\.test\\.ts$|/test/)' },
      to: { path: '^packages/adapters-', pathNot: '^packages/adapters-$1/' },
    },
    {
      name: 'client-ships-only-openapi-fetch',
      comment:
        'The typed client runs in browsers: its code imports openapi-fetch and nothing else ' +
        '(no Node built-in, no other package).',
      severity: 'error',
      from: { path: '^packages/client/src' },
      to: {
        pathNot: [
          '^packages/client/src',
          'node_modules/openapi-fetch',
          'node_modules/openapi-typescript-helpers',
        ],
      },
    },
    {
      name: 'client-speaks-only-http',
      comment:
        'The HTTP contract is the client’s only boundary: not even its tests import the ' +
        'server’s packages (they start the API process by path).',
      severity: 'error',
      from: { path: '^packages/client/' },
      to: { path: ['^packages/(?!client/)', '^apps/', 'node_modules/@btg-funds/(?!client/)'] },
    },
    {
      name: 'web-speaks-only-through-the-client',
      comment:
        'The web app’s only boundary is the HTTP contract: of the monorepo it imports the typed ' +
        'client and nothing else, not even in tests (they start the API process by path).',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: {
        path: ['^packages/(?!client/)', '^apps/(?!web/)', 'node_modules/@btg-funds/(?!client/)'],
      },
    },
    {
      name: 'nothing-imports-the-app',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'only-the-composition-root-uses-di',
      severity: 'error',
      from: { pathNot: '^apps/api/' },
      to: { path: 'node_modules/(inversify|reflect-metadata|@inversifyjs)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'types', 'default'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
