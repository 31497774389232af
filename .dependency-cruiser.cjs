/**
 * The layers the folders show, as rules `npm run check` enforces (dependency-cruiser):
 *
 *   packages/core ← packages/shopify-apis ← extensions/*, app/        (shipped)
 *   packages/core ← tools/liquid ← tools/fixtures ← tools/studio ← tools/cli   (developer tooling)
 *
 * Shipped code never imports tooling or tests; a package reaches another only through its name
 * (`@encore/core/money.ts`), never by a relative path into its folder.
 */
const SHIPPED = '^(app|extensions|packages)/';
const TOOLS = '^tools/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-depends-on-nothing',
      comment: 'The domain core is pure: no other package, no npm package, no Node, DOM or Shopify API.',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { pathNot: '^packages/core/' },
    },
    {
      name: 'shopify-apis-only-on-core',
      comment: 'The API documents and clients map into the core and depend on nothing else.',
      severity: 'error',
      from: { path: '^packages/shopify-apis/' },
      to: { pathNot: '^packages/(shopify-apis|core)/' },
    },
    {
      name: 'shipped-code-not-on-tooling',
      comment: 'What ships to Shopify (extensions, app, packages) never imports the studio, fixtures, engine, CLI or tests.',
      severity: 'error',
      from: { path: SHIPPED },
      to: { path: '^(tools|test)/' },
    },
    {
      name: 'extensions-and-app-apart',
      comment: 'The extensions and the backend share only packages/: neither imports the other.',
      severity: 'error',
      from: { path: '^(app|extensions)/' },
      to: { path: '^(app|extensions)/', pathNot: '^$1/' },
    },
    {
      name: 'extensions-apart',
      comment: 'Each extension is its own bundle: what two share belongs in packages/.',
      severity: 'error',
      from: { path: '^extensions/([^/]+)/' },
      to: { path: '^extensions/', pathNot: '^extensions/$1/' },
    },
    {
      name: 'liquid-knows-no-store',
      comment: 'The Liquid engine depends on liquidjs and the core (money formats) only: no fixture, studio, app or extension.',
      severity: 'error',
      from: { path: '^tools/liquid/' },
      to: { path: '^(tools/(fixtures|studio|cli|theme-check)|packages/shopify-apis|app|extensions|theme)/' },
    },
    {
      name: 'fixtures-below-studio',
      comment: 'Fixtures and their adapters are what the studio and the CLI show; they never import them.',
      severity: 'error',
      from: { path: '^tools/fixtures/' },
      to: { path: '^tools/(studio|cli)/' },
    },
    {
      name: 'studio-below-cli',
      comment: 'The CLI starts the studio; the studio never imports the CLI.',
      severity: 'error',
      from: { path: '^tools/studio/' },
      to: { path: '^tools/cli/' },
    },
    {
      name: 'tools-not-on-tests',
      comment: 'Tooling never imports test code.',
      severity: 'error',
      from: { path: TOOLS },
      to: { path: '^test/' },
    },
    {
      name: 'packages-by-name',
      comment: 'Reach another package through its name (@encore/...), not a relative path into its folder.',
      severity: 'error',
      from: { path: '^(packages|tools)/([^/]+)/' },
      to: { path: '^(packages|tools)/', pathNot: '^$1/$2/', dependencyTypesNot: ['aliased-workspace'] },
    },
    {
      name: 'into-packages-by-name',
      comment: 'Code outside packages/ and tools/ reaches them through their names too.',
      severity: 'error',
      from: { path: '^(app|extensions|test)/' },
      to: { path: '^(packages|tools)/', dependencyTypesNot: ['aliased-workspace'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|build|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // TypeScript 7's native compiler has no API dependency-cruiser can use; swc parses the sources instead.
    parser: 'swc',
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'],
    },
  },
};
