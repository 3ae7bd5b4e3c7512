// One lint configuration for the whole repository (flat config).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/build/**", "**/dist/**", "**/.turbo/**", "drizzle/**", "**/.cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["warn", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    // Hooks rules only where React runs: elsewhere `use*` names (e.g. useTestDb) are not hooks.
    files: ["apps/*/app/**/*.{ts,tsx}", "packages/ui/src/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/test/**"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The domain is pure: no I/O, no environment, no clock.
    files: ["packages/domain/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-globals": ["error", { name: "process", message: "packages/domain has no environment" }],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "packages/domain has no clock: pass the date in" },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "packages/domain has no clock: pass the date in" },
      ],
      "no-restricted-imports": ["error", { patterns: ["node:*", "fs", "path", "@recouvra/*", "drizzle-orm*"] }],
    },
  },
);
