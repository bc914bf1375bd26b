import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'packages/cli/dist/', 'out/', 'node_modules/', 'test/e2e/node_modules/', 'test-results/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `import x = require()` is how TypeScript imports CommonJS modules that assign module.exports.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' },
    },
  },
  // The client and the server share code only through common/ (imported as #common/…): the client
  // bundle must not pull server internals in, nor the server the extension's.
  {
    files: ['client/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)server/src(/|$)', message: 'The client may not import server internals: move what both need to common/ and import it as #common/….' }] }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)client(/|$)', message: 'The server may not import the client: move what both need to common/ and import it as #common/….' }] }] },
  },
  {
    files: ['common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)(client|server)(/|$)', message: 'common/ is shared by the client and the server: it imports neither.' }] }] },
  },
  {
    // Functions passed to page.evaluate() run in the browser.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { document: 'readonly' } },
  },
);
