// The house's linter, run by `npm run lint` after tsc and before dependency-cruiser.
// Rules that catch real bugs and that the code already follows; tsc checks the types,
// dependency-cruiser the layering, prettier the layout — none of that is here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];

export default defineConfig(
  // What the CLI and the tests write (gitignored), and builds.
  { ignores: ['**/node_modules/', '**/dist/', 'out/', 'coverage/', '.bankpack/'] },
  {
    files: ['**/*.{js,mjs,cjs}', ...TS],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      // `==` coerces ('' == 0 is true); even `x == null` is spelled out as `=== undefined || === null`.
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
    },
  },
  {
    files: TS,
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its rejection (the command ends "green" or dies
      // as an unhandled rejection); a promise where a boolean or a void callback is
      // expected is always truthy or never awaited. Both need the types.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `_name` says "unused on purpose" (a callback's fixed signature, a skipped tuple slot).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    // Only commands print (src/cli, the demo, and the src/gen scripts npm runs); ops
    // and everything under them return results and report through a callback. The
    // code prints with process.stdout/stderr.write, never console, so both are barred.
    files: ['src/**'],
    ignores: ['src/cli/**', 'src/demo/**', 'src/gen/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'stdout', message: 'Only commands print: return the text, or report it through a callback.' },
        { object: 'process', property: 'stderr', message: 'Only commands print: return the text, or report it through a callback.' },
      ],
    },
  },
);
