#!/usr/bin/env node
// Copies the screenshots the README shows from the last `npm run test:e2e`
// (test-results/e2e/NN-name.png, ignored by git) to tests/e2e/screenshots/name.png (committed).
//   node scripts/e2e/update-screenshots.mjs
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const from = join(root, 'test-results', 'e2e');
const to = join(root, 'tests', 'e2e', 'screenshots');
const CHOSEN = ['problems-zh-cn', 'outline', 'completion', 'preview-ghost', 'quick-fix-menu', 'quick-fix-applied', 'word-export-notification', 'word-export-page-1', 'ignore-here-menu', 'workspace-reports'];

if (!existsSync(from)) {
  console.error(`no ${from}: run npm run test:e2e first`);
  process.exit(1);
}
mkdirSync(to, { recursive: true });
const files = readdirSync(from);
let missing = 0;
for (const name of CHOSEN) {
  const file = files.find((f) => f.replace(/^\d+-/, '') === `${name}.png`);
  if (!file) {
    console.error(`missing: ${name}.png (did its step pass?)`);
    missing++;
    continue;
  }
  copyFileSync(join(from, file), join(to, `${name}.png`));
  console.log(`${file} → tests/e2e/screenshots/${name}.png`);
}
process.exit(missing ? 1 : 0);
