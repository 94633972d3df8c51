// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Globals that make a package impure: pure packages take `now` and `rng` as arguments. */
const impureGlobals = [
  { name: 'process', message: 'Pure package: pass configuration in, do not read process.' },
  { name: 'console', message: 'Pure package: return values, do not print.' },
  { name: 'fetch', message: 'Pure package: no network.' },
];

const ioModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https'];
const databaseModules = ['pg', 'kysely', '@electric-sql/*'];
const serverModules = ['hono', 'hono/*', '@hono/*', 'piscina'];

const ourPackages = [
  '@halflife/nuclear',
  '@halflife/domain',
  '@halflife/ops',
  '@halflife/clinical',
  '@halflife/strategy',
  '@halflife/planner',
  '@halflife/db',
  '@halflife/server',
  '@halflife/cli',
  '@halflife/web',
];

/** What a pure package may not import: IO, the database, the server, and ours but `allowed`. */
const pureExcept = (...allowed) => [
  ...ourPackages.filter((p) => !allowed.includes(p)),
  ...ioModules,
  ...databaseModules,
  ...serverModules,
];

/**
 * What each package may import (docs/ARCHITECTURE.md, "Package map"): dependencies point one way,
 * nuclear ← domain ← planner ← db ← server ← cli/web, with ops beside domain and clinical on domain. Each entry names
 * what the package may not.
 */
const packageBoundaries = [
  {
    files: ['packages/nuclear/src/**/*.ts'],
    forbidden: pureExcept(),
    message: 'The decay engine is the innermost package: no other package, no IO.',
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    forbidden: pureExcept('@halflife/nuclear'),
    message: 'The domain is pure: it may use only @halflife/nuclear.',
  },
  {
    files: ['packages/ops/src/**/*.ts'],
    forbidden: pureExcept('@halflife/nuclear'),
    message: 'The operations rules are pure: they may use only @halflife/nuclear.',
  },
  {
    files: ['packages/clinical/src/**/*.ts'],
    forbidden: pureExcept('@halflife/domain'),
    message: 'The clinical rules are pure: they may use only @halflife/domain.',
  },
  {
    files: ['packages/strategy/src/**/*.ts'],
    forbidden: pureExcept('@halflife/domain', '@halflife/nuclear', '@halflife/planner'),
    message:
      'The supply-strategy rules are pure: they may use only @halflife/domain, @halflife/nuclear and @halflife/planner.',
  },
  {
    files: ['packages/planner/src/**/*.ts'],
    forbidden: pureExcept('@halflife/nuclear', '@halflife/domain'),
    message: 'The planner is pure: it may use only @halflife/nuclear and @halflife/domain.',
  },
  {
    files: ['packages/db/src/**/*.ts'],
    forbidden: ['@halflife/server', '@halflife/cli', '@halflife/web', ...serverModules],
    message: 'The database package serves the server; it does not know it.',
  },
];

/** Only repositories (packages/db) speak SQL: services, routes and the app call them. */
const noSql = [
  {
    selector:
      'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|selectNoFrom)$/]',
    message: 'SQL belongs in a repository of @halflife/db; call one from here.',
  },
  {
    selector: "TaggedTemplateExpression[tag.name='sql']",
    message: 'SQL belongs in a repository of @halflife/db; call one from here.',
  },
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
      'packages/domain/src/**/*.ts',
      'packages/ops/src/**/*.ts',
      'packages/clinical/src/**/*.ts',
      'packages/strategy/src/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pure package: pass `now` in.' },
        { object: 'Math', property: 'random', message: 'Pure package: pass a seeded rng in.' },
      ],
    },
  },
  ...packageBoundaries.map(({ files, forbidden, message }) => ({
    files,
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: forbidden, message }] },
      ],
    },
  })),
  {
    // The web app reaches the server over HTTP: server and database code only as types.
    files: ['packages/web/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@halflife/server', '@halflife/db', '@halflife/cli', ...databaseModules],
              allowTypeImports: true,
              message: 'The web app reaches the server over HTTP: import its types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...noSql],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@halflife/cli', '@halflife/web'],
              message: 'The server does not depend on its clients.',
            },
            {
              group: ['kysely'],
              allowTypeImports: true,
              message: 'SQL belongs in a repository of @halflife/db; import its types only.',
            },
          ],
        },
      ],
    },
  },
);
