// ESLint (flat config) with typescript-eslint. `npm run lint`; part of `npm test`.
//
// src/ gets type-aware rules, the ones that matter in an extension:
//  - no floating or misused promises (a dropped promise in a listener is a lost error or a race);
//  - no `any` and no unsafe use of it (everything that crosses a context boundary is `unknown` until checked);
//  - no HTML sinks: innerHTML, outerHTML, insertAdjacentHTML, document.write, createContextualFragment,
//    setHTMLUnsafe, dangerouslySetInnerHTML. Pages we read are hostile; the UI is built with Preact and
//    textContent. No file needs a sink today. One that ever does goes in HTML_SINK_HELPERS below, as the one
//    audited place, with a review of its inputs.
//  - no eval or Function constructor (MV3's CSP forbids them anyway; this says so at the source).
// tests/, bench/ and scripts/ get a lighter set without type information (fast): the typescript-eslint
// recommended rules, no focused tests (.only), and no debugger.
import tseslint from 'typescript-eslint';

/** Files allowed to use an HTML sink (each one reviewed). None today. */
const HTML_SINK_HELPERS = [];

const SINK_MESSAGE = 'HTML sinks are off limits: build DOM with Preact or textContent (see HTML_SINK_HELPERS in eslint.config.mjs).';
const htmlSinks = [
  {
    selector: 'MemberExpression[property.name=/^(inner|outer)HTML$/], MemberExpression[property.value=/^(inner|outer)HTML$/]',
    message: `innerHTML / outerHTML: ${SINK_MESSAGE}`,
  },
  {
    selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe)$/]',
    message: `insertAdjacentHTML / createContextualFragment / setHTMLUnsafe: ${SINK_MESSAGE}`,
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: `document.write: ${SINK_MESSAGE}`,
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: `dangerouslySetInnerHTML: ${SINK_MESSAGE}`,
  },
];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-test/**', '.stryker-tmp/**', 'artifacts/**', 'reports/**', 'coverage/**', 'types/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Everything that ships, plus the Node CLI and adapters under src/.
    files: ['src/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // src/ is in tsconfig.json; the few Node files under src/ (not in it) get tsconfig.node.json's options.
        projectService: {
          allowDefaultProject: ['src/cli/*.ts', 'src/node/*.ts'],
          defaultProject: 'tsconfig.node.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Off, with reasons:
      // - unbound-method: every hit was a Preact prop typed in method shorthand (`onSave(f): void`) and
      //   destructured, or a browser.* function taken as a test seam (bound in the polyfill and in Firefox).
      '@typescript-eslint/unbound-method': 'off',
      // - require-await: async functions without await implement Promise-returning interfaces on purpose.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-control-regex': 'error',
      'no-debugger': 'error',
    },
  },
  ...(HTML_SINK_HELPERS.length ? [{ files: HTML_SINK_HELPERS, rules: { 'no-restricted-syntax': 'off' } }] : []),
  {
    // Tests, benches, scripts: no type information (fast); tests may set innerHTML to build fixtures.
    files: ['tests/**/*.{ts,tsx}', 'support/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].map((object) => ({ object, property: 'only', message: 'A focused test skips the rest of the file.' })),
      ],
      'no-debugger': 'error',
    },
  },
);
