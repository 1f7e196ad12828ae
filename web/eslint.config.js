import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Each folder under src/features is a feature; a feature may not import another one
// (app/ composes them; shared code lives in src/shared).
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const noCrossFeatureImports = features.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: features
          .filter((other) => other !== feature)
          .map((other) => ({
            group: [
              `**/features/${other}`,
              `**/features/${other}/**`,
              `../${other}`,
              `../${other}/**`,
            ],
            message: `Feature '${feature}' must not import feature '${other}'; move shared code to src/shared.`,
          })),
      },
    ],
  },
}));

// Log text is attacker-controlled: HTML must never be interpreted.
const noHtmlInjection = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Never render HTML: log text is attacker-controlled.',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Never assign HTML: log text is attacker-controlled.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Never insert HTML: log text is attacker-controlled.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'target/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': 'error',
      'no-restricted-syntax': [
        'error',
        ...noHtmlInjection,
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  ...noCrossFeatureImports,
  {
    files: ['e2e/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
