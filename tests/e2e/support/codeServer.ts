/**
 * code-server for the editor end-to-end suite: a fresh run folder (extensions, user data,
 * a copy of the fixture workspace), the packaged .vsix installed the way a user installs it,
 * and the server started on a free loopback port in its own process group, which stop()
 * ends whether the suite passed or failed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { repoRoot as root, setup as runSetup, type SetupInfo } from '../../../scripts/e2e/setup.mjs';

export type { SetupInfo };

export const repoRoot: string = root;
export const fixtureWorkspace = join(repoRoot, 'tests', 'fixtures', 'e2e-workspace');
export const resultsDir = join(repoRoot, 'test-results', 'e2e');

/** Installs (or reuses) Node 24 and code-server, and checks for Chromium and the fonts; throws a clear error. */
export function ensureSetup(): SetupInfo {
  return runSetup();
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

export interface RunFolders {
  root: string;
  extensions: string;
  userData: string;
  workspace: string;
  /** XDG folders, so code-server writes nothing under the user's home. */
  home: string;
  config: string;
  log: string;
}

/** User settings: a quiet workbench, nothing that reaches the network, Git off (the copy sits inside this repo). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.editor.enablePreview': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'npm.autoDetect': 'off',
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
  'editor.minimap.enabled': false,
  'editor.acceptSuggestionOnEnter': 'on',
  'editor.suggest.preview': false,
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'explorer.openEditors.visible': 0,
  'outline.collapseItems': 'alwaysExpand',
  'window.commandCenter': false,
};

/**
 * Commands the suite reaches by a key of its own (user keybindings), so that a step does not
 * depend on a command's translated title in the Command Palette. Playwright's key names.
 */
export const KEYS = {
  focusOutline: 'Control+Alt+Shift+1',
  focusReportView: 'Control+Alt+Shift+2',
  openPreview: 'Control+Alt+Shift+3',
  problems: 'Control+Alt+Shift+4',
  maximizePanel: 'Control+Alt+Shift+5',
  closePanel: 'Control+Alt+Shift+6',
  save: 'Control+Alt+Shift+7',
  runInEditorSuite: 'Control+Alt+Shift+8',
  checkWorkspace: 'Control+Alt+Shift+9',
  listWorkspaceReports: 'Control+Alt+Shift+0',
} as const;

/** `Control+Alt+Shift+1` → `ctrl+alt+shift+1`, for keybindings.json. */
function vsKey(key: string): string {
  return key.toLowerCase().replace('control', 'ctrl');
}

export function writeUserSettings(
  f: RunFolders,
  commands: { preview: string | null; inEditorSuite: { command: string; args: unknown } | null },
): void {
  const list: { key: string; command: string; args?: unknown }[] = [
    { key: vsKey(KEYS.focusOutline), command: 'outline.focus' },
    { key: vsKey(KEYS.focusReportView), command: 'reportAuthor.outline.focus' },
    { key: vsKey(KEYS.problems), command: 'workbench.actions.view.problems' },
    { key: vsKey(KEYS.maximizePanel), command: 'workbench.action.toggleMaximizedPanel' },
    { key: vsKey(KEYS.closePanel), command: 'workbench.action.closePanel' },
    { key: vsKey(KEYS.save), command: 'workbench.action.files.save' },
    { key: vsKey(KEYS.checkWorkspace), command: 'reportAuthor.checkWorkspace' },
    { key: vsKey(KEYS.listWorkspaceReports), command: 'reportAuthor.listWorkspaceReports' },
  ];
  if (commands.preview) list.push({ key: vsKey(KEYS.openPreview), command: commands.preview });
  if (commands.inEditorSuite) list.push({ key: vsKey(KEYS.runInEditorSuite), ...commands.inEditorSuite });
  writeFileSync(join(f.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  writeFileSync(join(f.userData, 'User', 'keybindings.json'), JSON.stringify(list, null, 2));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A fresh run folder under the cache; earlier runs are removed first, unless their test process still runs. */
export function prepareRun(cacheDir: string): RunFolders {
  const runsDir = join(cacheDir, 'runs');
  mkdirSync(runsDir, { recursive: true });
  for (const old of readdirSync(runsDir)) {
    const pid = Number(/^run-\d+-(\d+)$/.exec(old)?.[1]);
    if (pid && pid !== process.pid && pidAlive(pid)) continue;
    rmSync(join(runsDir, old), { recursive: true, force: true });
  }
  const root = join(runsDir, `run-${Date.now()}-${process.pid}`);
  const f: RunFolders = {
    root,
    extensions: join(root, 'extensions'),
    userData: join(root, 'user-data'),
    workspace: join(root, 'workspace'),
    home: join(root, 'home'),
    config: join(root, 'config.yaml'),
    log: join(root, 'code-server.log'),
  };
  for (const d of [f.extensions, join(f.userData, 'User'), f.home]) mkdirSync(d, { recursive: true });
  cpSync(fixtureWorkspace, f.workspace, { recursive: true });
  // A config file of our own: code-server would otherwise write one (with a password) under ~/.config.
  writeFileSync(f.config, 'auth: none\n');
  return f;
}

function serverEnv(f: RunFolders): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(f.home, 'config'),
    XDG_DATA_HOME: join(f.home, 'data'),
    XDG_CACHE_HOME: join(f.home, 'cache'),
    // The extension host inherits this; the display language comes from --locale.
    LANG: 'C.UTF-8',
    // No extension gallery: these machines reach none, and an empty one keeps VS Code from trying.
    EXTENSIONS_GALLERY: '{}',
  };
}

function baseArgs(setup: SetupInfo, f: RunFolders): string[] {
  return [setup.codeServerEntry, '--config', f.config, '--extensions-dir', f.extensions, '--user-data-dir', f.userData];
}

/** `code-server --install-extension FILE`, as a user installs a downloaded .vsix. */
export function installExtension(setup: SetupInfo, f: RunFolders, vsixOrFolder: string): string {
  const r = spawnSync(setup.node24, [...baseArgs(setup, f), '--force', '--install-extension', vsixOrFolder], {
    env: serverEnv(f),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsixOrFolder} failed (${r.status ?? r.signal}):\n${out}`);
  return out;
}

export function listExtensions(setup: SetupInfo, f: RunFolders): string[] {
  const r = spawnSync(setup.node24, [...baseArgs(setup, f), '--list-extensions', '--show-versions'], {
    env: serverEnv(f),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return (r.stdout ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
}

/**
 * Writes user-data/languagepacks.json for the installed extensions that contribute a display
 * language, as VS Code's language pack service does after installing one from the Extensions
 * view. (`code-server --install-extension` leaves it out, and without it `--locale zh-cn` falls
 * back to English.) The file has the shape of VS Code's LanguagePacksCache.
 */
export function registerLanguagePacks(f: RunFolders): string[] {
  interface Pack {
    hash: string;
    extensions: { extensionIdentifier: { id: string }; version: string }[];
    translations: Record<string, string>;
    label: string;
  }
  const packs: Record<string, Pack> = {};
  for (const dir of readdirSync(f.extensions)) {
    const manifestPath = join(f.extensions, dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const loc of manifest.contributes?.localizations ?? []) {
      const pack = (packs[loc.languageId] ??= { hash: '', extensions: [], translations: {}, label: loc.localizedLanguageName ?? loc.languageName });
      pack.extensions.push({ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}`.toLowerCase() }, version: manifest.version });
      for (const t of loc.translations) pack.translations[t.id] = join(f.extensions, dir, t.path);
    }
  }
  for (const pack of Object.values(packs)) {
    const md5 = createHash('md5');
    for (const e of pack.extensions) md5.update(e.extensionIdentifier.id).update(e.version);
    pack.hash = md5.digest('hex');
  }
  writeFileSync(join(f.userData, 'languagepacks.json'), JSON.stringify(packs));
  return Object.keys(packs);
}

export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Ends code-server's whole process group (SIGTERM, then SIGKILL); safe to call twice. */
  stop(): Promise<void>;
  logTail(lines?: number): string;
}

const liveGroups = new Set<number>();
function killGroups(): void {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  liveGroups.clear();
}
// Last resort if the test process ends without running its after hook (a crash, Ctrl+C, a CI timeout).
process.on('exit', killGroups);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killGroups();
    process.kill(process.pid, signal);
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startCodeServer(setup: SetupInfo, f: RunFolders, opts: { locale?: string } = {}): Promise<RunningServer> {
  const port = await freePort();
  const args = [
    ...baseArgs(setup, f),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (opts.locale) args.push('--locale', opts.locale);
  args.push(f.workspace);
  const log = createWriteStream(f.log);
  const child = spawn(setup.node24, args, { env: serverEnv(f), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid!;
  liveGroups.add(pgid);
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  let exited: string | null = null;
  child.on('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));

  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url,
    port,
    process: child,
    logTail(lines = 40) {
      try {
        return readFileSync(f.log, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
    async stop() {
      if (!liveGroups.has(pgid)) return;
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {
        /* gone */
      }
      try {
        await waitUntil('code-server to exit', 5000, () => !groupAlive(pgid));
      } catch {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          /* gone */
        }
        await waitUntil('code-server to be killed', 5000, () => !groupAlive(pgid)).catch(() => undefined);
      }
      liveGroups.delete(pgid);
      log.end();
    },
  };
  try {
    await waitUntil('code-server to answer /healthz', 60_000, async () => {
      if (exited) throw new Error(`code-server ${exited} before answering:\n${server.logTail()}`);
      try {
        const res = await fetch(`${url}/healthz`);
        return res.ok;
      } catch {
        return false;
      }
    });
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

/** Runs `npm run package` (the production build and `vsce package`) unless REPORT_AUTHOR_E2E_VSIX names a built one. */
export function packageExtension(): string {
  const given = process.env.REPORT_AUTHOR_E2E_VSIX;
  if (given) {
    if (!existsSync(given)) throw new Error(`REPORT_AUTHOR_E2E_VSIX=${given} does not exist`);
    return resolve(given);
  }
  const vsix = join(repoRoot, 'report-author.vsix');
  const before = existsSync(vsix) ? statSync(vsix).mtimeMs : 0;
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`npm run package failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  if (!existsSync(vsix) || statSync(vsix).mtimeMs === before) throw new Error(`npm run package did not write ${vsix}`);
  return vsix;
}
