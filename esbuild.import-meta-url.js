// Injected by esbuild.mjs: lets bundled ESM code that reads import.meta.url run as CommonJS.
export const importMetaUrl = require('url').pathToFileURL(__filename).href;
