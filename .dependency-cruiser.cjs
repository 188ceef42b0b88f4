/**
 * Dependencies point inward (docs/product/rules.md, "Constraints"; ADR 0001):
 * domain <- application <- adapters <- apps/api. Any arrow the other way fails CI.
 */
const fs = require('node:fs');
const path = require('node:path');

const adapters = '^packages/adapters-([^/]+)/';
/** Apps Vite bundles into static files: they ship no node_modules (see below). */
const BUNDLED_APPS = ['@btg-funds/web'];
/** Test code: may use what the package declares as devDependencies too. */
const testCode = '(\\.test\\.ts$|\\.contract\\.ts$|/test/|/testing/)';

/**
 * One rule per workspace package: of the monorepo's packages it may import only itself and the
 * ones its package.json declares (production code: `dependencies`; tests: devDependencies too).
 * npm workspaces link every package into node_modules, so an undeclared import works locally
 * and breaks only for whoever installs the package alone: this makes it fail here instead.
 */
function undeclaredWorkspaceImports() {
  const dirs = ['packages', 'apps'].flatMap((root) =>
    fs
      .readdirSync(path.join(__dirname, root))
      .map((name) => `${root}/${name}`)
      .filter((dir) => fs.existsSync(path.join(__dirname, dir, 'package.json'))),
  );
  const manifests = dirs.map((dir) => ({
    dir,
    json: JSON.parse(fs.readFileSync(path.join(__dirname, dir, 'package.json'), 'utf8')),
  }));
  const dirOf = new Map(manifests.map(({ dir, json }) => [json.name, dir]));
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const otherThan = (allowed) =>
    `^(packages|apps)/(?!(${allowed.map((dir) => escape(dir.split('/')[1])).join('|')})/)[^/]+/`;
  const declared = (fields, json) =>
    fields.flatMap((field) => Object.keys(json[field] ?? {})).filter((name) => dirOf.has(name));
  return manifests.flatMap(({ dir, json }) => {
    const all = [
      json.name,
      ...declared(['dependencies', 'peerDependencies', 'devDependencies'], json),
    ];
    // A bundled app (the web app: Vite puts everything it imports into its files) ships no
    // node_modules, so for it build-time devDependencies are what its code runs with.
    const runtime = BUNDLED_APPS.includes(json.name)
      ? all
      : [json.name, ...declared(['dependencies', 'peerDependencies'], json)];
    const from = `^${escape(dir)}/`;
    return [
      {
        name: 'workspace-import-not-in-dependencies',
        comment: `${json.name} imports a workspace package its package.json does not list in dependencies.`,
        severity: 'error',
        from: { path: from, pathNot: testCode },
        to: { path: otherThan(runtime.map((name) => dirOf.get(name))) },
      },
      {
        name: 'workspace-import-not-declared',
        comment: `A test of ${json.name} imports a workspace package its package.json does not declare.`,
        severity: 'error',
        from: { path: `${from}.*${testCode}` },
        to: { path: otherThan(all.map((name) => dirOf.get(name))) },
      },
    ];
  });
}

module.exports = {
  forbidden: [
    ...undeclaredWorkspaceImports(),
    {
      name: 'npm-import-not-in-package-json',
      comment:
        'Production code imports an npm package its own package.json does not declare (it ' +
        'resolves only because npm hoists another package’s dependency).',
      severity: 'error',
      from: { path: '^(packages|apps)/', pathNot: testCode },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'auth-adapters-stay-off-http',
      comment:
        'A worker or CLI that hashes a password or signs a token imports adapters-auth: it must ' +
        'not pull in Hono (or any HTTP framework) with it (ADR 0009).',
      severity: 'error',
      from: { path: '^packages/adapters-(auth|system)/' },
      to: { path: 'node_modules/(hono|@hono/|hono-)' },
    },
    {
      name: 'domain-is-pure',
      comment: 'The domain imports only big.js: no framework, no I/O, no Node built-ins.',
      severity: 'error',
      // Its tests use vitest and fast-check, as every package's do.
      from: { path: '^packages/domain/src', pathNot: '\\.test\\.ts$' },
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
    // Our built output and declarations are not source. A dependency's files stay in the graph
    // (not followed): its exports often resolve to a .d.ts first, and rules name those paths.
    exclude: { path: '^(packages|apps)/[^/]+/dist/|^(packages|apps)/.*\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'types', 'default'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
