/**
 * `npm run test:vscode`: the in-editor suite (tests/vscode/suite.ts) in a desktop VS Code
 * started by @vscode/test-electron, with this repository as the extension under development
 * and a fresh copy of tests/fixtures/e2e-workspace (the fixtures the code-server suite uses).
 *
 * @vscode/test-electron downloads VS Code from Microsoft's update service. Machines that
 * reach only package registries cannot: the download fails at once and this script says so
 * (use `npm run test:e2e`, which runs the same suite inside code-server). With a VS Code
 * already on the machine, set VSCODE_EXECUTABLE=/path/to/code to skip the download.
 * On Linux without a display, run under xvfb-run.
 *
 *   VSCODE_VERSION    VS Code to download (default: stable)
 *   VSCODE_EXECUTABLE a VS Code binary to use instead of downloading one
 *   VSCODE_LOCALE     display language (default: zh-cn; needs the Chinese language pack
 *                     installed in that VS Code for vscode.env.language to follow)
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = resolve(__dirname, '..', '..');
const work = join(repoRoot, '.cache', 'vscode-tests');
const fixture = join(repoRoot, 'tests', 'fixtures', 'e2e-workspace');

function fail(message: string): never {
  process.stderr.write(`\ntest:vscode: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  // The extension under development is the repository itself: build dist/ first.
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) fail('node esbuild.mjs failed');

  const workspace = join(work, 'workspace');
  const userData = join(work, 'user-data');
  rmSync(workspace, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(fixture, workspace, { recursive: true });

  const extensionTestsPath = join(work, 'out', 'index.js');
  await esbuild.build({
    entryPoints: [join(repoRoot, 'tests', 'vscode', 'index.ts')],
    outfile: extensionTestsPath,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (vscodeExecutablePath) {
    if (!existsSync(vscodeExecutablePath)) fail(`VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist`);
  } else {
    const version = process.env.VSCODE_VERSION || 'stable';
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(work, 'vscode'), timeout: 30_000 });
    } catch (e) {
      fail(
        `could not download VS Code ${version} (${e instanceof Error ? e.message : String(e)}).\n` +
          `  This machine cannot reach Microsoft's update service. Either set VSCODE_EXECUTABLE=/path/to/code,\n` +
          `  or run the same in-editor suite inside code-server: npm run test:e2e`,
      );
    }
  }

  const exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [
      workspace,
      `--user-data-dir=${userData}`,
      `--locale=${process.env.VSCODE_LOCALE || 'zh-cn'}`,
      '--disable-workspace-trust',
      '--disable-extensions',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
    ],
  }).catch((e: unknown) => fail(`VS Code ran, but the in-editor suite failed: ${e instanceof Error ? e.message : String(e)}`));
  if (exitCode !== 0) fail(`the in-editor suite failed (exit code ${exitCode})`);
  process.stdout.write('test:vscode: the in-editor suite passed\n');
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
