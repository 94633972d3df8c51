// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Globals that make a package impure: pure packages take `now` and `rng` as arguments. */
const impureGlobals = [
  { name: 'process', message: 'Pure package: pass configuration in, do not read process.' },
  { name: 'console', message: 'Pure package: return values, do not print.' },
  { name: 'fetch', message: 'Pure package: no network.' },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      'coverage/**',
      '**/*.js',
      'packages/web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.check.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The web app is type-checked with the DOM and JSX (packages/web/tsconfig.json).
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        project: ['./packages/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: [
      'packages/nuclear/src/**/*.ts',
      'packages/planner/src/**/*.ts',
      'packages/db/src/seed/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https'],
              message: 'Pure package: no IO.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pure package: pass `now` in.' },
        { object: 'Math', property: 'random', message: 'Pure package: pass a seeded rng in.' },
      ],
    },
  },
);
