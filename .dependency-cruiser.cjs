// The house's layering, checked by `npm run lint` (dependency-cruiser).
// Layers only look down (../shared/ARCHITECTURE.md, docs/architecture.md):
//   cli, demo, scaffold  →  ops  →  engine (deploy, records, twenty, config)
//   →  features (workflows, letters, jobs, roles)  →  pack
// and one concern imports another only through its front door (index.ts).
// The sandbox (test/sandbox) is Twenty's stand-in: it takes its facts from
// Twenty, never from the engine, and product code starts it only through its
// front door.
//
// Violations that predate these rules are listed in
// .dependency-cruiser-known-violations.json (run `npm run lint:baseline` only
// when paying that debt down); every new one fails the lint.

const PACK = '^src/pack/';
const FEATURES = '^src/(workflows|letters|jobs|roles)/';
const ENGINE = '^src/(deploy|records|twenty|config)/';
const OPS = '^src/ops/';
const TOP = '^src/(cli|demo|scaffold)/';

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
    upward('pack-is-the-bottom', PACK, [FEATURES, ENGINE, OPS, TOP].join('|'),
      'The pack model knows nothing of what acts on it: rule families are registered from above.'),
    upward('features-look-down-only', FEATURES, [ENGINE, OPS, TOP].join('|'),
      'Features are pure over the validated pack: record I/O and the network belong to the engine, composed by ops.'),
    upward('engine-looks-down-only', ENGINE, [OPS, TOP].join('|'),
      'The engine returns results; ops and commands call it, never the other way.'),
    upward('ops-never-print', OPS, TOP, 'Ops return results and report progress through a callback; only commands print.'),
    {
      name: 'front-doors-only',
      severity: 'error',
      comment: "Import another concern only through its index.ts, so its inside can change without touching its callers.",
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/[^/]+/.+',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'sandbox-is-its-own-package',
      severity: 'error',
      comment: "The sandbox copies Twenty, not the engine: importing the engine's constants would let it share the engine's mistakes.",
      from: { path: '^test/sandbox/' },
      to: { path: '^src/' },
    },
    {
      name: 'product-starts-the-sandbox-through-its-front-door',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/', pathNot: '^test/sandbox/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
