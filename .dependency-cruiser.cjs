/**
 * The layers, checked by dependency-cruiser (`npm run lint:deps`, part of `npm test`).
 *
 *   src/strings/   the words the product says (UI, card and fact-card templates, model messages): a leaf
 *                  that imports nothing of the project but itself
 *   src/core/      pure TypeScript: imports nothing of the project above it but src/strings, and no Node built-ins
 *   src/*.ts       shared by the contexts (protocol, settings, model cache, OPFS store, ...): no context, no UI
 *   src/ui/        Preact views shared by popup, overlay and options: no context
 *   src/content, src/background, src/popup, src/options, src/engine: the extension contexts; none imports
 *     another (they talk through messages), except that background may import the engine's message
 *     types (src/engine/protocol.ts)
 *   src/node/, src/cli/   Node only: the adapters (files, dictionaries) and the CLI; nothing in the
 *     extension imports them, and only they may use Node built-ins or scripts/
 *   support/       what tests, benches and scripts share (browser harness, model server, fixtures)
 *   tests/, bench/, scripts/   on top: nothing below imports them, and benches and scripts do not import tests/
 */
const CONTEXTS = ['content', 'background', 'popup', 'options', 'engine'];
const ctx = (...names) => `^src/(${names.join('|')})/`;
const others = (self) => CONTEXTS.filter((c) => c !== self);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing-above',
      comment: 'src/core is the bottom layer of code: it may import itself, src/strings (the words), assets/ and packages, nothing else of the project.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/(?!core/|strings/)|scripts/|tests/|bench/|support/)' },
    },
    {
      name: 'no-node-in-extension',
      comment: 'Code that runs in the browser uses no Node built-ins (only src/node and src/cli may).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(node|cli)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'extension-imports-no-node-tools',
      comment: 'The extension does not import the Node adapters, the CLI, scripts, support code, tests or benches.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(node|cli)/' },
      to: { path: '^(src/(node|cli)/|scripts/|support/|tests/|bench/)' },
    },
    {
      name: 'node-adapters-import-no-tests',
      comment: 'src/node and src/cli may use scripts/ (the dictionary readers) but not tests, benches or support.',
      severity: 'error',
      from: { path: '^src/(node|cli)/' },
      to: { path: '^(support/|tests/|bench/)' },
    },
    {
      name: 'strings-stand-alone',
      comment: 'src/strings holds words only and sits under core: it imports nothing else of the project.',
      severity: 'error',
      from: { path: '^src/strings/' },
      to: { path: '^(src/(?!strings/)|assets/|scripts/|tests/|bench/|support/)' },
    },
    {
      name: 'shared-imports-no-context-or-ui',
      comment: 'The modules at src/ (protocol, settings, ...) are shared by the contexts, so they import none of them and no UI.',
      severity: 'error',
      from: { path: '^src/[^/]+$' },
      to: { path: ctx(...CONTEXTS, 'ui', 'node', 'cli') },
    },
    {
      name: 'ui-imports-no-context',
      comment: 'src/ui is used by popup, overlay (content) and options: it imports none of the contexts.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: ctx(...CONTEXTS) },
    },
    ...CONTEXTS.map((self) => ({
      name: `no-context-to-context-${self}`,
      comment: `src/${self} is an extension context: it talks to the others through messages, and imports none of them.`,
      severity: 'error',
      from: { path: `^src/${self}/` },
      // (background → engine has its own rule below)
      to: { path: ctx(...others(self).filter((c) => !(self === 'background' && c === 'engine'))) },
    })),
    {
      name: 'background-to-engine-protocol-only',
      comment:
        "The background starts the engine host and talks to it: it may import the engine's message checks " +
        '(src/engine/protocol.ts) and its types, but no engine code (the engine is its own bundle, engine.js).',
      severity: 'error',
      from: { path: '^src/background/' },
      to: { path: '^src/engine/', pathNot: '^src/engine/protocol\\.ts$', dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'no-ui-in-background-or-engine',
      comment: 'The background and the engine host show nothing: they import no UI (words they send are in src/strings).',
      severity: 'error',
      from: { path: '^src/(background|engine)/' },
      to: { path: '^src/ui/' },
    },
    {
      name: 'support-imports-no-tests',
      comment: 'support/ sits under tests, benches and scripts: it imports none of them.',
      severity: 'error',
      from: { path: '^support/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'bench-and-scripts-import-no-tests',
      comment: 'Benches and scripts use support/, never tests/ (a test file may change without a thought for benches).',
      severity: 'error',
      from: { path: '^(bench|scripts)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every relative import resolves (a moved file leaves no dangling import).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-test|artifacts|reports|coverage|\\.stryker-tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.cjs', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
