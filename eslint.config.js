// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const runtimeFolders = ['protocol/**', 'domain/**', 'rooms/**', 'persistence/**', 'server/**', 'client-sdk/src/**'];

export default tseslint.config(
  // docs/asyncapi/ is the generated HTML rendering; docs/tools/ holds the CommonJS entry run under Node 24 by npm run asyncapi:html.
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'load-tests/results/**', 'docs/asyncapi/**', 'docs/tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name="Promise"] > :matches(ArrowFunctionExpression, FunctionExpression)[async=true]',
          message: 'Never pass an async executor to new Promise: an error thrown inside is lost.',
        },
      ],
    },
  },
  {
    files: runtimeFolders,
    ignores: ['**/*.test.ts', '**/*.contract.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['client-sdk/src/**', 'protocol/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'protocol/ and the SDK run in browsers: no Node-only imports.' }] },
      ],
    },
  },
  {
    // The SDK's published types must be self-contained: it imports the zod-free side of protocol/
    // only (types/, command-map, events, errors, wire), never the schemas (client-sdk/test/packed-types.test.ts).
    files: ['client-sdk/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'protocol/ and the SDK run in browsers: no Node-only imports.' },
            { group: ['zod', '**/protocol/schemas/*', '**/protocol/commands.js', '**/protocol/ids.js', '**/protocol/index.js'], message: 'The SDK imports the zod-free side of protocol/ (types/, command-map.js): its published types must not need zod.' },
          ],
        },
      ],
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.arrayContaining) are typed `any`.
    files: ['**/*.test.ts', '**/*.contract.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Type tests hold code that must not compile; only tsc judges them.
    files: ['**/*.typecheck.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
