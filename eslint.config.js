import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import patterns naming our folders (by any relative path), plus renderer/ and the test folders. */
function ours(...folders) {
  return [...folders, 'renderer', 'test', 'e2e', 'bench'].flatMap((f) => [`**/${f}`, `**/${f}/**`]);
}

/** no-restricted-imports for one folder's production files. */
function layer(folder, message, group) {
  return [
    {
      files: [`${folder}/**/*.ts`],
      ignores: ['**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'fs', 'path', 'better-sqlite3', 'libsodium-wrappers*'],
              message: 'renderer/ talks only to window.vault',
            },
            { group: ['**/electron/**'], message: 'renderer/ imports only shared/' },
          ],
        },
      ],
    },
  },
  // The layers (README, "How the code is laid out"): each folder may import only the folders
  // below it, relative paths included. Tests (*.test.ts) sit beside the code and may reach across.
  ...layer('electron/core', 'the core (plain Node) imports only shared/ and libraries', [
    'electron',
    ...ours('service', 'desktop', 'host', 'cli'),
  ]),
  ...layer('electron/service', 'the service imports only the core, shared/ and libraries', [
    'electron',
    ...ours('desktop', 'host', 'cli'),
  ]),
  ...layer('electron/desktop', 'the desktop shell imports only the service, shared/ and libraries', [
    ...ours('core', 'host', 'cli'),
  ]),
  ...layer('electron/host', 'the browser host imports only the service, shared/ and libraries', [
    'electron',
    ...ours('core', 'desktop', 'cli'),
  ]),
  ...layer('electron/cli', 'the CLI imports only the service, shared/ and libraries', [
    'electron',
    ...ours('core', 'desktop', 'host'),
  ]),
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'electron', 'node:*'],
              message: 'shared/ imports nothing of ours',
            },
          ],
        },
      ],
    },
  },
);
