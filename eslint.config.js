// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import jsdoc from "eslint-plugin-jsdoc";

/**
 * Every exported declaration needs TSDoc with an `@example`. Tests, benches and
 * configuration files are exempt.
 */
export default tseslint.config(
  // tsup writes its config, bundled, to a temporary file beside it while a build runs: lint runs at
  // the same time and must not try to read a file that vanishes under it.
  { ignores: ["**/dist/**", "**/coverage/**", "docs-site/**", "**/*.d.ts", "**/*.d.cts", ".bench/**", "reports/**", "**/*.bundled_*.mjs", "**/*.bundled_*.cjs"] },
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
    // Spreading an array into a call passes every element as an argument, and engines cap the
    // number of arguments (around 100,000 in V8): a big enough list throws RangeError. Use a loop.
    files: ["packages/**/*.ts", "packages/**/*.mjs", "scripts/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["Math.max", "Math.min", "String.fromCharCode", "String.fromCodePoint"].map((callee) => {
          const [object, property] = callee.split(".");
          return {
            selector: `CallExpression[callee.object.name='${object}'][callee.property.name='${property}'] > SpreadElement`,
            message: `Do not spread a list into ${callee}(): long lists exceed the engine's argument limit. Use a loop.`,
          };
        }),
        {
          selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement",
          message: "Do not spread a list into push/unshift/splice: long lists exceed the engine's argument limit. Use a loop.",
        },
        {
          selector: "CallExpression[callee.property.name='apply'][callee.object.object.name=/^(Math|String)$/]",
          message: "Do not pass a list to Math.max/min or String.fromCharCode through apply(): long lists exceed the engine's argument limit. Use a loop.",
        },
        {
          // `import { z } from "zod"` makes a consumer's bundler keep all of zod, locales included
          // (about 90 kB gzipped); the namespace import lets it keep only what the schemas use.
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
          message: 'Use `import * as z from "zod"`: the named `z` import stops bundlers from dropping the parts of zod we do not use.',
        },
      ],
    },
  },
  {
    files: ["packages/cli/**", "**/*.test.ts", "**/bench/**", "scripts/**", "packages/test-kit/**", "**/*.config.ts", "*.ts"],
    rules: { "no-restricted-imports": "off" },
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
