// The house's layering, checked by `npm run lint` (dependency-cruiser).
// Layers only look down (../shared/ARCHITECTURE.md, docs/architecture.md):
//   cli, demo, scaffold, gen  →  ops  →  engine (deploy, records, twenty, config)
//   →  validate (every rule family registered)  →  features (workflows, letters, jobs, roles, export)  →  pack
// and one concern imports another only through its front door (index.ts); a feature's
// rule family (rule-family.ts) is its second, light door, the one src/validate registers.
// The sandbox (packages/twenty-sandbox, the workspace package `twenty-sandbox`)
// is Twenty's stand-in: it takes its facts from Twenty, never from the engine;
// code outside it imports it by its package name (its `exports`), and product
// code only through its front door.
//
// Every violation fails the lint: there is no list of known exceptions (the 221
// that predated these rules were paid off in issue 17.4).

const PACK = '^src/pack/';
const FEATURES = '^src/(workflows|letters|jobs|roles|export)/';
const VALIDATE = '^src/validate/';
const ENGINE = '^src/(deploy|records|twenty|config)/';
const OPS = '^src/ops/';
const TOP = '^src/(cli|demo|scaffold|gen)/';
const SANDBOX = '^packages/twenty-sandbox/';

/** A rule that forbids `from` reaching into any of `to`. */
const upward = (name, from, to, comment) => ({
  name,
  severity: 'error',
  comment,
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Two concerns that import each other are one concern, or need an interface owned by the lower one.',
      from: {},
      to: { circular: true },
    },
    upward(
      'pack-is-the-bottom',
      PACK,
      [FEATURES, VALIDATE, ENGINE, OPS, TOP].join('|'),
      'The pack model knows nothing of what acts on it: rule families are registered from above.',
    ),
    upward(
      'features-look-down-only',
      FEATURES,
      [VALIDATE, ENGINE, OPS, TOP].join('|'),
      'Features are pure over the validated pack: record I/O and the network belong to the engine, composed by ops.',
    ),
    upward(
      'validate-only-composes',
      VALIDATE,
      [ENGINE, OPS, TOP].join('|'),
      "The validator registers the features' rule families over the pack; it never acts on Twenty.",
    ),
    upward(
      'engine-looks-down-only',
      ENGINE,
      [OPS, TOP].join('|'),
      'The engine returns results; ops and commands call it, never the other way.',
    ),
    upward('ops-never-print', OPS, TOP, 'Ops return results and report progress through a callback; only commands print.'),
    {
      name: 'front-doors-only',
      severity: 'error',
      comment: 'Import another concern only through its index.ts, so its inside can change without touching its callers.',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/[^/]+/.+',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/(workflows|letters|jobs|roles)/rule-family\\.ts$'],
      },
    },
    {
      name: 'sandbox-is-its-own-package',
      severity: 'error',
      comment: "The sandbox copies Twenty, not the engine: importing the engine's constants would let it share the engine's mistakes.",
      from: { path: SANDBOX },
      to: { path: '^src/' },
    },
    {
      name: 'sandbox-imports-only-itself',
      severity: 'error',
      comment:
        'The sandbox is a package of its own: besides node and its npm dependencies it imports only its own files (no engine, no root tests or fixtures).',
      from: { path: SANDBOX },
      to: { pathNot: [SANDBOX, 'node_modules'], dependencyTypesNot: ['core'], couldNotResolve: false },
    },
    {
      name: 'the-sandbox-is-imported-by-its-package-name',
      severity: 'error',
      comment:
        'Outside its package, the sandbox is `twenty-sandbox` or `twenty-sandbox/fixtures` (its package.json exports), never a path into it.',
      from: { path: '^(src|test|bench|bin)/' },
      to: { path: SANDBOX, dependencyTypesNot: ['aliased-tsconfig-paths'] },
    },
    {
      name: 'product-starts-the-sandbox-through-its-front-door',
      severity: 'error',
      comment: 'Product code starts the sandbox (`twenty-sandbox`) and never imports tests or test fixtures.',
      from: { path: '^src/' },
      to: { path: '^(test|packages)/', pathNot: `${SANDBOX}src/index\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|out)/|^packages/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
