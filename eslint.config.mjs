import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import checkFile from "eslint-plugin-check-file";

// Modules with no server imports, which the browser may load (regexes on the path under lib/).
const PURE_LIB_MODULES = [
  "client/.+",
  "validations/.+",
  "bandwidth/(segments|number-rules|phone-number|error-explanations|error-catalogue|media-types|endpoints|consent-keywords)",
  "media/limits",
  "auth/policies",
  "conversations/workflow",
  "messaging/(delivery-status|message-gist|retry-rule)",
  "realtime/change-notice",
  "errors",
  "csv",
  "generated/prisma/enums",
];

const config = [
  {
    ignores: [
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    plugins: { "check-file": checkFile },
    rules: {
      // Files and folders are kebab-case (Next's special names like [id] and (group) included).
      "check-file/filename-naming-convention": [
        "error",
        { "**/*.{ts,tsx,mjs}": "KEBAB_CASE" },
        { ignoreMiddleExtensions: true },
      ],
      "check-file/folder-naming-convention": [
        "error",
        { "{app,components,lib,e2e,sandbox,bench,prisma}/**/": "NEXT_JS_APP_ROUTER_CASE" },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    // Imports run one way (docs/architecture.md). The sandbox is a stand-in for Bandwidth: the app
    // never imports it (the start script and test helpers, which start one, excepted), and
    // nothing may import in a circle.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/runtime/start-sandbox.ts", "lib/testing/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: ["./app", "./components", "./lib"],
              from: "./sandbox",
              message:
                "The app talks to Bandwidth (or the sandbox) over HTTP only; shared rules live in lib/bandwidth.",
            },
          ],
        },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // What runs in the browser imports only pure modules: no database, secrets or server code.
    // Admin views are still typed from their server functions (types only, erased at build).
    files: ["components/**", "lib/client/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^@/lib/(?!(${PURE_LIB_MODULES.join("|")})$|admin/|exports/)`,
              message:
                "Components and lib/client import only pure modules (lib/client, lib/validations, Bandwidth's rules, policies…).",
            },
            { regex: "^@/lib/admin/", allowTypeImports: true, message: "Only types may come from lib/admin." },
            { regex: "^@/lib/exports/", allowTypeImports: true, message: "Only types may come from lib/exports." },
            {
              regex: "^(server-only|pg|@prisma/.*|next/server|bandwidth-sdk)$",
              message: "Server packages stay on the server.",
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line scripts talk to the terminal.
    files: ["lib/runtime/**", "prisma/**", "bench/**", "sandbox/**", "e2e/**"],
    rules: { "no-console": "off" },
  },
];

export default config;
