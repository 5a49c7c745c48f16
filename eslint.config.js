// Lint rules that keep the design honest: the headless core never imports the UI or Preact,
// and nothing anywhere turns strings into HTML or code (README, "Content Security Policy").
import tseslint from 'typescript-eslint';

const htmlAndCodeSinks = [
  {
    selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
    message: 'Do not write HTML strings: build elements and text nodes.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Do not insert HTML strings: build elements and text nodes.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Texts are rendered as text nodes, never HTML.',
  },
  {
    selector: "Property[key.name='dangerouslySetInnerHTML']",
    message: 'Texts are rendered as text nodes, never HTML.',
  },
];

const headlessFolders = [
  'src/core/**',
  'src/config/**',
  'src/gating/**',
  'src/storage/**',
  'src/cookies/**',
  'src/integrations/**',
  'src/headless.ts',
  'src/listeners/**',
  'src/create-consent.ts',
  'src/autoblock/**',
  'src/autoblock.ts',
  'src/types.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'demo/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...htmlAndCodeSinks],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: headlessFolders,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['preact', 'preact/*', '@preact/*'], message: 'The headless core has no UI dependency.' },
            { group: ['**/ui', '**/ui/*'], message: 'The core never imports the UI; the UI subscribes to the core.' },
            // The config's `texts` are typed by the English keys; the words themselves stay in the UI's bundle.
            { group: ['**/i18n', '**/i18n/*'], allowTypeImports: true, message: 'The core never imports the UI\'s words (type imports are fine).' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Tests plant hostile markup on purpose; the production rule still guards src/.
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
