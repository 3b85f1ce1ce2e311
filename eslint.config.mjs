import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import checkFile from "eslint-plugin-check-file";

const config = [
  { ignores: [".next/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    plugins: { "check-file": checkFile },
    rules: {
      // Files and folders are kebab-case (Next's special names like [id] and (group) included).
      "check-file/filename-naming-convention": ["error", { "**/*.{ts,tsx,mjs}": "KEBAB_CASE" }, { ignoreMiddleExtensions: true }],
      "check-file/folder-naming-convention": ["error", { "{app,components,lib,e2e,sandbox,bench,prisma}/**/": "NEXT_JS_APP_ROUTER_CASE" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    // Command-line scripts talk to the terminal.
    files: ["lib/runtime/**", "prisma/**", "bench/**", "sandbox/**", "e2e/**"],
    rules: { "no-console": "off" },
  },
];

export default config;
