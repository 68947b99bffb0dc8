// ESLint (flat config) with typescript-eslint's recommended rules, as NestJS projects use; style
// is Prettier's job (.prettierrc.json), so no formatting rules here. `npm run lint` / `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.marsad/**', '.dist-*/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      // Unused variables are errors, except the deliberate `_name` placeholders.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `require()` is used on purpose for optional/untyped CommonJS packages.
      '@typescript-eslint/no-require-imports': 'off',
      // A `let` read by a closure before its one assignment (cleanup handlers) must stay a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  {
    // Tests and the packaging validator read untyped JSON/YAML documents by design.
    files: ['**/*.spec.ts', 'test/**/*.ts', 'tools/packaging/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
