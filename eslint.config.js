import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'public/', 'node_modules/', 'coverage/', '.bench/', 'examples/*/dist/', 'examples/*/.next/', 'examples/*/next-env.d.ts'] },
  js.configs.recommended,
  { files: ['scripts/**', '.ci/**', 'bench/**', 'examples/*/*.{mjs,ts}'], languageOptions: { globals: globals.node } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The core never imports React: it runs in Node, edge runtimes and any framework.
    files: ['src/core/**', 'src/server/**', 'src/mock/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'react/*', '@tanstack/*', 'radix-ui', '../react/*', '../components/*', '../../react/*', '../../components/*'], message: 'The core, server and mock never import React or the React layer.' }] }],
    },
  },
);
