// Lint for the whole repository: Next's rules (core web vitals, TypeScript), typescript-eslint's
// type-aware recommended rules, and Prettier's config last so formatting is Prettier's alone.
import js from "@eslint/js";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "lib/generated/**",
      "generated/**",
      "test-results/**",
      "playwright-report/**",
      "bench-results/**",
      "data/**",
      "public/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...nextCoreWebVitals,
  ...nextTypeScript,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe/test return promises that the runner itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", name: ["describe", "test", "it", "suite"], package: "node:test" },
          ],
        },
      ],
    },
  },
  {
    rules: {
      // The validators match control characters on purpose: they refuse them in hostile text.
      "no-control-regex": "off",
    },
  },
  {
    // Hooks exist only in app/: elsewhere `use` is Playwright's fixture callback or a plain parameter.
    files: ["e2e/**", "scripts/**", "test/**", "lib/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // CommonJS files (next.config.js loads as it is, and shares lib/cache/http-headers.cjs with proxy.ts).
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", require: "readonly", process: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Plain JavaScript (next.config.js, the .cjs/.mjs modules) has no types to check against.
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // These tests walk parsed XML (fast-xml-parser returns `any`): the assertions are the type checks.
    files: ["test/integration/distribution.test.ts", "e2e/tests/public/feeds.spec.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  prettier,
);
