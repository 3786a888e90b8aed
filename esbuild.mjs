// Bundles the CLI, the language server and the extension client to CommonJS in dist/,
// and the report preview's webview script for the browser.
// unified/remark and other ESM-only packages are bundled in, so dist/ needs no node_modules.
// Usage: node esbuild.mjs [--watch] [--production] [--outdir=DIR]
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

// The server's V8 flags live in shared/serverLaunch.ts; its shebang carries them, so the
// `report-language-server` bin launched plainly by any editor gets them.
const launch = readFileSync(new URL('./shared/serverLaunch.ts', import.meta.url), 'utf8');
const serverFlags = JSON.parse(
  /SERVER_NODE_OPTIONS: readonly string\[\] = (\[[^\]]*\])/.exec(launch)[1].replace(/'/g, '"'),
);

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// Another output folder (the package tests build there, leaving dist/ to the other tests).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Some ESM packages read import.meta.url; give them a CommonJS equivalent.
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: ['./esbuild.import-meta-url.js'],
  // jsonc-parser's "main" is a UMD build whose inner require()s esbuild cannot follow.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

const builds = [
  { entryPoints: { cli: 'server/src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { server: 'server/src/main.ts' }, banner: { js: `#!/usr/bin/env -S node ${serverFlags.join(' ')}` } },
  { entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] },
  // The script inside the report preview's webview: a browser bundle, nothing of Node.
  { entryPoints: { webview: 'webview/src/main.ts' }, platform: 'browser', format: 'iife', target: 'es2022', define: {}, inject: [] },
];

const contexts = await Promise.all(
  builds.map((b) => esbuild.context({ ...common, ...b, outdir })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // The bins run by their shebang.
  for (const bin of ['dist/cli.js', 'dist/server.js']) chmodSync(bin, 0o755);
}
