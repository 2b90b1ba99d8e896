// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import jsdoc from "eslint-plugin-jsdoc";

/**
 * Every exported declaration needs TSDoc with an `@example`. Tests, benches and
 * configuration files are exempt.
 */
export default tseslint.config(
  { ignores: ["**/dist/**", "**/coverage/**", "docs-site/**", "**/*.d.ts", "**/*.d.cts", ".bench/**", "reports/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["packages/*/src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test-d.ts", "packages/test-kit/**"],
    plugins: { jsdoc },
    settings: {
      jsdoc: {
        mode: "typescript",
        tagNamePreference: { typeParam: "typeParam" },
      },
    },
    rules: {
      "jsdoc/require-jsdoc": [
        "error",
        {
          publicOnly: { esm: true, cjs: false },
          require: {
            FunctionDeclaration: true,
            ClassDeclaration: true,
            MethodDefinition: false,
            ArrowFunctionExpression: true,
            FunctionExpression: true,
          },
          contexts: [
            "ExportNamedDeclaration > VariableDeclaration",
            "ExportNamedDeclaration > TSTypeAliasDeclaration",
            "ExportNamedDeclaration > TSInterfaceDeclaration",
            "ExportNamedDeclaration > TSEnumDeclaration",
          ],
          checkConstructors: false,
        },
      ],
      "jsdoc/require-example": [
        "error",
        {
          contexts: [
            "ExportNamedDeclaration > FunctionDeclaration",
            "ExportNamedDeclaration > VariableDeclaration",
            "ExportNamedDeclaration > TSTypeAliasDeclaration",
            "ExportNamedDeclaration > TSInterfaceDeclaration",
            "ExportNamedDeclaration > ClassDeclaration",
          ],
          exemptNoArguments: false,
        },
      ],
      "jsdoc/check-tag-names": ["error", { definedTags: ["remarks", "typeParam", "defaultValue", "packageDocumentation", "see", "throws", "privateRemarks", "category"] }],
      "jsdoc/no-types": "error",
      "jsdoc/require-param-type": "off",
      "jsdoc/require-returns-type": "off",
    },
  },
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "Domain packages run in browsers too: no Node built-ins outside cli, tests and scripts." },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/cli/**", "**/*.test.ts", "**/bench/**", "scripts/**", "packages/test-kit/**", "**/*.config.ts", "*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // `import { z } from "zod"` makes a consumer's bundler keep all of zod, locales included
    // (about 90 kB gzipped); the namespace import lets it keep only what the schemas use.
    files: ["packages/*/src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
          message: 'Use `import * as z from "zod"`: the named `z` import stops bundlers from dropping the parts of zod we do not use.',
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { globals: { module: "writable", require: "readonly", process: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
