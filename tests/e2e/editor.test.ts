/**
 * What a user sees: the packaged .vsix installed into code-server (VS Code 1.139 with its
 * Node extension host) the way a user installs one, a copy of tests/fixtures/e2e-workspace
 * opened in Debian's Chromium through playwright-core, under `--locale zh-cn`.
 *
 * Each step waits on the screen (DOM conditions with timeouts, no fixed sleeps) and leaves a
 * screenshot in test-results/e2e/. Setup (Node 24, code-server, the Debian packages) is
 * scripts/e2e/setup.mjs, cached in .cache/e2e/. code-server runs in its own process group,
 * ended in `after` whether the steps passed or not.
 *
 * The expected findings come from the same engine through the CLI (dist/cli.js, built by
 * `npm run package`), so the fixture can change without editing the expectations here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import * as esbuild from 'esbuild';
import type { Browser } from 'playwright-core';
import {
  ensureSetup,
  fixtureWorkspace,
  installExtension,
  KEYS,
  packageExtension,
  prepareRun,
  registerLanguagePacks,
  repoRoot,
  resultsDir,
  startCodeServer,
  writeUserSettings,
  type RunFolders,
  type RunningServer,
  type SetupInfo,
} from './support/codeServer';
import { launchBrowser, until, Workbench } from './support/workbench';

const REPORT = '年度工作总结.md';
const README = 'README.md';
const STATUS_ID = 'report-author.report-author.reportAuthor.status';
const IN_EDITOR_COMMAND = 'reportAuthorE2E.runInEditorSuite';
const IN_EDITOR_FOLDER = 'in-editor';
/** The first activation (extension host, language client, server) can take a while on 2 cores. */
const FIRST = 120_000;
const STEP = 60_000;

interface CliDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number } };
}
interface CliOutlineNode {
  level: number;
  ordinal: number | null;
  marker: string;
  title: string;
  children: CliOutlineNode[];
}
interface CliFile {
  diagnostics: CliDiagnostic[];
  outline: CliOutlineNode[];
  placeholders: unknown[];
}

/** The engine's own view of a file, in Chinese, through the CLI. */
function expected(file: string): CliFile {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'zh_CN.UTF-8' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), '--format', 'json', file], { encoding: 'utf8', env });
  if (!r.stdout) throw new Error(`report-lint gave no output for ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout).files[0] as CliFile;
}

function run(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000, env });
  if (r.error) throw new Error(`${cmd} could not run (${r.error.message})`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const vsce = join(repoRoot, 'node_modules', '.bin', 'vsce');

/** Packages a folder holding a package.json with vsce, offline. */
function vsix(folder: string, out: string): string {
  run(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], folder);
  return out;
}

/**
 * The stub display-language pack (tests/e2e/fixtures/zh-cn-locale) and the in-editor test
 * extension (tests/vscode/extension, bundling tests/vscode/suite.ts), packaged into the run folder.
 */
async function testExtensions(f: RunFolders): Promise<{ languagePack: string; inEditor: string }> {
  const build = join(f.root, 'build');
  const pack = join(build, 'zh-cn-locale');
  cpSync(join(repoRoot, 'tests', 'e2e', 'fixtures', 'zh-cn-locale'), pack, { recursive: true });
  const inEditor = join(build, 'in-editor-tests');
  mkdirSync(inEditor, { recursive: true });
  cpSync(join(repoRoot, 'tests', 'vscode', 'extension', 'package.json'), join(inEditor, 'package.json'));
  await esbuild.build({
    entryPoints: [join(repoRoot, 'tests', 'vscode', 'extension', 'main.ts')],
    outfile: join(inEditor, 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return { languagePack: vsix(pack, join(build, 'zh-cn-locale.vsix')), inEditor: vsix(inEditor, join(build, 'in-editor-tests.vsix')) };
}

/** The preview command the installed manifest contributes (`reportAuthor.openPreviewToSide`; to the side preferred), if any. */
function previewCommand(f: RunFolders): string | null {
  const dir = readdirSync(f.extensions).find((d) => d.startsWith('report-author.report-author-'));
  if (!dir) return null;
  const manifest = JSON.parse(readFileSync(join(f.extensions, dir, 'package.json'), 'utf8'));
  const ids: string[] = (manifest.contributes?.commands ?? []).map((c: { command: string }) => c.command).filter((id: string) => /preview/i.test(id));
  return ids.find((id) => /side/i.test(id)) ?? ids[0] ?? null;
}

const flatten = (nodes: CliOutlineNode[]): CliOutlineNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const lineOf = (label: string) => Number(/ at line (\d+) and character/.exec(label)?.[1] ?? NaN);

describe('Report Author in a real VS Code (code-server + Chromium)', () => {
  let setup: SetupInfo;
  let f: RunFolders;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let wb: Workbench;
  let preview: string | null = null;
  let reportFile: string;
  const timings: string[] = [];

  /** Runs a step; on failure, leaves NN-name-failed.png beside the others. */
  async function step(t: TestContext, name: string, fn: () => Promise<void>): Promise<void> {
    const started = Date.now();
    try {
      await fn();
    } catch (e) {
      await wb?.screenshot(`${name}-failed`).catch(() => undefined);
      throw e;
    } finally {
      timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      t.diagnostic(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }

  before(
    async () => {
      const t0 = Date.now();
      setup = ensureSetup();
      const vsixFile = packageExtension();
      f = prepareRun(setup.cacheDir);
      reportFile = join(f.workspace, REPORT);
      rmSync(resultsDir, { recursive: true, force: true });
      mkdirSync(resultsDir, { recursive: true });
      const extra = await testExtensions(f);
      installExtension(setup, f, vsixFile);
      installExtension(setup, f, extra.languagePack);
      installExtension(setup, f, extra.inEditor);
      assert.deepEqual(registerLanguagePacks(f), ['zh-cn']);
      preview = previewCommand(f);
      writeUserSettings(f, { preview, inEditorSuite: { command: IN_EDITOR_COMMAND, args: { folder: IN_EDITOR_FOLDER } } });
      server = await startCodeServer(setup, f, { locale: 'zh-cn' });
      browser = await launchBrowser(setup.chromium!, join(f.home, 'browser'));
      const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
      wb = new Workbench(page, resultsDir);
      await wb.open(server.url, f.workspace);
      timings.push(`setup, package, install, start: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
    { timeout: 20 * 60_000 },
  );

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (server) process.stderr.write(`e2e: code-server stopped; run folder ${f.root}\n`);
    process.stderr.write(`e2e timings:\n  ${timings.join('\n  ')}\n`);
  });

  it('1. the Problems panel lists the missing section and the placeholders, in Chinese', { timeout: FIRST }, async (t) => {
    await step(t, 'problems', async () => {
      const want = expected(reportFile);
      assert.ok(want.diagnostics.some((d) => d.code === 'missing-section'), 'the fixture should miss a section');
      await wb.quickOpen(REPORT);
      await wb.page.keyboard.press('Control+Shift+M');
      await wb.markersPanel().waitFor();
      await wb.page.keyboard.press(KEYS.maximizePanel); // every row on screen at once
      try {
        const rows = await until(
          `the Problems panel to list the ${want.diagnostics.length} findings of ${REPORT}`,
          () => wb.markerRows(),
          (rows) => rows.length === want.diagnostics.length,
          FIRST - 20_000,
        );
        for (const d of want.diagnostics) {
          const line = d.range.start.line + 1;
          const row = rows.find((r) => r.label.includes(d.message) && lineOf(r.label) === line);
          assert.ok(row, `no row for ${d.code} at line ${line}: ${d.message}\nrows:\n${rows.map((r) => r.label).join('\n')}`);
          assert.ok(row.text.includes(d.code), `the row for ${d.message} does not show its code ${d.code}`);
        }
        const missing = rows.find((r) => r.text.includes('missing-section'))!;
        assert.match(missing.label, /^Error: 缺少年度工作总结要求的章节“存在的问题和不足”/);
        const placeholders = rows.filter((r) => r.text.includes('unfilled-placeholder'));
        assert.ok(placeholders.length > 0 && placeholders.every((r) => /^Warning: 占位符“.+”尚未填写（.+）。/.test(r.label)), 'placeholder rows are not in Chinese');
        await wb.screenshot('problems-zh-cn');
      } finally {
        await wb.page.keyboard.press(KEYS.maximizePanel);
      }
    });
  });

  it('2. the status bar shows the counts', { timeout: STEP }, async (t) => {
    await step(t, 'status-bar', async () => {
      const want = expected(reportFile);
      const missing = want.diagnostics.filter((d) => d.code === 'missing-section').length;
      const text = `待填 ${want.placeholders.length} · 缺 ${missing} 个章节`;
      const item = wb.statusItem(STATUS_ID);
      await until(`the status bar to read “${text}”`, async () => (await item.innerText()).trim(), (s) => s === text);
      const label = (await item.getAttribute('aria-label')) ?? '';
      assert.match(label, /模板：年度工作总结/, `the status item's tooltip should name the template: ${label}`);
      await wb.screenshot('status-bar');
    });
  });

  it('3. the Outline view shows the 一、 → （一） hierarchy (and the Report view the missing section)', { timeout: STEP }, async (t) => {
    await step(t, 'outline', async () => {
      const want = flatten(expected(reportFile).outline).map((n) => ({ level: n.level, label: `${n.marker}${n.title}` }));
      assert.ok(want.some((n) => n.level === 2), 'the fixture should have （一） subsections');
      // Room for both trees: the folder's file list folds away for this step.
      await wb.setPaneExpanded('Explorer Section', false);
      await wb.page.keyboard.press(KEYS.focusOutline);
      const outline = wb.pane('Outline');
      const rows = await until(
        'the Outline view to show the report’s sections',
        () => wb.treeRows(outline),
        (rows) => rows.length === want.length,
      );
      want.forEach((w, i) => {
        assert.equal(rows[i]!.level, w.level, `Outline row ${i + 1} (${rows[i]!.label}) should be at level ${w.level}`);
        assert.ok(rows[i]!.label.startsWith(w.label), `Outline row ${i + 1} is “${rows[i]!.label}”, expected “${w.label}”`);
      });
      // The extension's own Report view (Explorer): the same tree, plus the section still missing.
      await wb.page.keyboard.press(KEYS.focusReportView);
      const reportView = wb.pane('报告');
      await reportView.locator('.monaco-list-row').first().waitFor();
      // The missing section comes last; End focuses and reveals the last row of the tree.
      await wb.page.keyboard.press('End');
      await until(
        'the Report view to mark 存在的问题和不足 as missing',
        async () => (await reportView.locator('.monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ')),
        (texts) => texts.some((s) => s.includes('存在的问题和不足') && s.includes('缺少')) && texts.some((s) => s.startsWith('（一）')),
      );
      await wb.screenshot('outline');
      await wb.setPaneExpanded('Explorer Section', true);
    });
  });

  it('4. typing on a new line after a subsection offers the next subsection; accepting inserts it', { timeout: STEP }, async (t) => {
    await step(t, 'completion', async () => {
      const lines = readFileSync(reportFile, 'utf8').split('\n');
      const sub = lines.findIndex((l) => l.startsWith('（二）'));
      assert.ok(sub > 0 && !lines[sub + 1]!.startsWith('（'), 'the fixture should have a （二） with one line of body');
      const bodyLine = sub + 2; // 1-based: the line after the heading
      await wb.quickOpen(REPORT);
      await wb.goToLine(bodyLine);
      await wb.page.keyboard.press('End');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type('（');
      const suggest = wb.suggestWidget();
      const item = suggest.locator('.monaco-list-row[aria-label^="（三）"]');
      await item.waitFor({ timeout: 30_000 });
      // The item the user will accept with Enter is the focused one.
      for (let i = 0; i < 10 && !(await suggest.locator('.monaco-list-row.focused[aria-label^="（三）"]').count()); i++) {
        await wb.page.keyboard.press('ArrowDown');
      }
      await suggest.locator('.monaco-list-row.focused[aria-label^="（三）"]').waitFor({ timeout: 5_000 });
      await wb.screenshot('completion');
      await wb.page.keyboard.press('Enter');
      await suggest.waitFor({ state: 'hidden' });
      await wb.page.keyboard.press('Escape'); // leave the snippet's fields
      await wb.page.keyboard.press('Control+S');
      await until('the report to be saved', async () => (await wb.activeTab().getAttribute('class')) ?? '', (c) => !c.includes('dirty'));
      const saved = readFileSync(reportFile, 'utf8').split('\n');
      assert.match(saved[bodyLine]!, /^（三）/, `line ${bodyLine + 1} should start with （三）: ${saved[bodyLine]}`);
      // The new subsection shows in the Outline under 一、.
      await until(
        'the Outline view to show （三）',
        () => wb.treeRows(wb.pane('Outline')),
        (rows) => rows.some((r) => r.level === 2 && r.label.startsWith('（三）')),
      );
      await wb.screenshot('completion-accepted');
    });
  });

  it('6. the preview opens beside the editor with placeholder chips and a ghost for the missing section', { timeout: STEP }, async (t) => {
    await step(t, 'preview', async () => {
      assert.ok(preview, 'the packaged extension contributes no preview command (expected reportAuthor.openPreviewToSide)');
      await wb.quickOpen(REPORT);
      await wb.page.keyboard.press(KEYS.openPreview);
      await until('the preview beside the editor', () => wb.editorGroups(), (n) => n === 2);
      const view = wb.webview();
      await view.locator('[data-placeholder]').first().waitFor({ timeout: 45_000 });
      const ghost = view.locator('[data-missing-section]');
      await ghost.first().waitFor();
      assert.match(await ghost.first().innerText(), /存在的问题和不足/);
      const chips = await view.locator('[data-placeholder]').count();
      const placeholders = expected(reportFile).placeholders.length;
      assert.equal(chips, placeholders, `the preview shows ${chips} placeholder chips, the report has ${placeholders} placeholders`);
      await wb.screenshot('preview');
      await ghost.first().scrollIntoViewIfNeeded();
      await wb.screenshot('preview-ghost');
    });
  });

  it('6b. with missing-section off, the finding goes but the preview keeps the ghost and the status bar the count', { timeout: 2 * STEP }, async (t) => {
    await step(t, 'ghost-finding-off', async () => {
      assert.ok(preview, 'the packaged extension contributes no preview command');
      // The workspace's .report-author.json turns the finding off (the server sees it through
      // the file watcher); the preview and the status come from the analysis, not the finding.
      const config = join(f.workspace, '.report-author.json');
      const layout = wb.webview().locator('.ra-layout[data-version]');
      const version = async () => Number(await layout.first().getAttribute('data-version'));
      try {
        writeFileSync(config, JSON.stringify({ severity: { 'missing-section': 'off' } }, null, 2));
        await wb.page.keyboard.press(KEYS.problems);
        await until('the missing-section problem to go', () => wb.markerRows(), (rows) => rows.length > 0 && !rows.some((r) => r.text.includes('missing-section')), STEP - 15_000);
        // A new version drawn after the change: the ghost is still there.
        const before = await version();
        await wb.quickOpen(REPORT);
        await wb.page.keyboard.press('Control+End');
        await wb.page.keyboard.type(' ');
        await until('the preview to draw the new version', version, (v) => v > before);
        assert.equal(await wb.webview().locator('[data-missing-section]').count(), 1);
        assert.match(await wb.webview().locator('[data-missing-section]').first().innerText(), /存在的问题和不足/);
        assert.match((await wb.statusItem(STATUS_ID).innerText()).trim(), /缺 1 个章节/);
        await wb.screenshot('preview-ghost-finding-off');
        await wb.page.keyboard.press('Control+Z');
      } finally {
        rmSync(config, { force: true });
      }
      // The Problems panel is still open (the toggle key would close it): the finding comes back.
      await until('the missing-section problem to come back', () => wb.markerRows(), (rows) => rows.some((r) => r.text.includes('missing-section')), STEP - 15_000);
      // Leave the focus in the editor, as step 5 expects.
      await wb.quickOpen(REPORT);
    });
  });

  it('5. the quick fix inserts the missing section and its diagnostic disappears', { timeout: STEP }, async (t) => {
    await step(t, 'quick-fix', async () => {
      await wb.page.keyboard.press(KEYS.problems);
      const row = wb.markersPanel().locator('.monaco-list-row[aria-level="2"][aria-label*="缺少"]');
      await row.waitFor();
      const line = lineOf((await row.getAttribute('aria-label')) ?? '');
      // Double-clicking a problem opens the editor at it, focused.
      await row.dblclick();
      await until(`the cursor at the problem (line ${line})`, () => wb.cursorText(), (s) => s.startsWith(`Ln ${line},`));
      await wb.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
      const fix = await wb.quickFix('插入缺少的章节“存在的问题和不足”');
      await wb.screenshot('quick-fix-menu');
      await fix.click();
      await until(
        'the missing-section problem to disappear',
        () => wb.markerRows(),
        (rows) => rows.length > 0 && !rows.some((r) => r.text.includes('missing-section')),
      );
      await until('the status bar to drop “缺 1 个章节”', async () => (await wb.statusItem(STATUS_ID).innerText()).trim(), (s) => /^待填 \d+$/.test(s));
      await wb.page.keyboard.press('Control+S');
      await until('the report to be saved', async () => (await wb.activeTab().getAttribute('class')) ?? '', (c) => !c.includes('dirty'));
      const saved = readFileSync(reportFile, 'utf8');
      assert.match(saved, /^[一二三四五六七八九十]+、存在的问题和不足/m, 'the section heading is not in the saved report');
      assert.ok(!expected(reportFile).diagnostics.some((d) => d.code === 'missing-section'), 'the saved report still misses a section');
      if (preview) {
        await until('the preview to drop the ghost', () => wb.webview().locator('[data-missing-section]').count(), (n) => n === 0);
      }
      await wb.screenshot('quick-fix-applied');
    });
  });

  it('6c. VS Code\'s own Markdown preview shows the server\'s placeholders as chips', { timeout: STEP }, async (t) => {
    await step(t, 'markdown-preview', async () => {
      await wb.quickOpen(REPORT);
      await wb.page.keyboard.press(KEYS.markdownPreview);
      const placeholders = expected(reportFile).placeholders.length;
      // Chips in a frame that is not our own preview (which has .ra-layout and the same chips).
      const chipsIn = async () => {
        let most = 0;
        for (const frame of wb.page.frames()) {
          try {
            if ((await frame.locator('.ra-layout').count()) > 0) continue;
            most = Math.max(most, await frame.locator('.ra-placeholder').count());
          } catch {
            // a frame that went away
          }
        }
        return most;
      };
      await until(`VS Code's Markdown preview to show ${placeholders} chips`, chipsIn, (n) => n === placeholders, STEP - 15_000);
      await wb.screenshot('markdown-preview-chips');
      // VS Code's preview opened in the report's own group: closing it leaves the report active there.
      await wb.page.keyboard.press('Control+W');
      await until('the report to be the active editor again', () => wb.activeTab().getAttribute('aria-label'), (l) => !!l && l.startsWith(REPORT));
    });
  });

  it('9. 导出为 Word from the Command Palette: the .docx is saved, LibreOffice renders its first page', { timeout: 4 * STEP }, async (t) => {
    await step(t, 'word-export', async () => {
      const target = join(f.workspace, REPORT.replace(/\.md$/, '.docx'));
      rmSync(target, { force: true });
      const placeholders = expected(reportFile).placeholders.length;
      await wb.quickOpen(REPORT);
      await wb.page.keyboard.press('F1');
      const input = wb.page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>导出为 Word');
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: '导出为 Word（GB/T 9704）' }).first().waitFor();
      await wb.page.keyboard.press('Enter');
      // code-server's save dialog is a Quick Input holding the proposed path: the report's, as .docx.
      await until('the save dialog to propose 年度工作总结.docx', () => input.inputValue(), (v) => v.endsWith('年度工作总结.docx'));
      await wb.screenshot('word-export-save-dialog');
      await wb.page.keyboard.press('Enter');
      const toast = wb.notification(`已导出 年度工作总结.docx：还有 ${placeholders} 个占位符尚未填写（已在文档中突出显示）。`);
      await toast.waitFor({ timeout: 45_000 });
      await wb.screenshot('word-export-notification');
      assert.ok(existsSync(target), `${target} was not written`);

      // LibreOffice (Debian's libreoffice-writer-nogui), headless, with a profile of its own so it
      // never meets another instance; the 公文 fonts shown in the Noto CJK faces (fixtures/fontconfig).
      const out = join(f.root, 'word-export');
      mkdirSync(out, { recursive: true });
      const env = { ...process.env, FONTCONFIG_FILE: join(repoRoot, 'tests', 'e2e', 'fixtures', 'fontconfig', 'fonts.conf') };
      const profile = `-env:UserInstallation=file://${join(f.root, 'libreoffice-profile')}`;
      run('soffice', ['--headless', '--norestore', profile, '--convert-to', 'pdf', '--outdir', out, target], out, env);
      const pdf = join(out, '年度工作总结.pdf');
      assert.ok(existsSync(pdf), 'LibreOffice wrote no PDF');
      assert.match(run('pdfinfo', [pdf], out), /Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
      const page1 = run('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], out);
      assert.match(page1, /\*\*区图书馆\s*2024\s*年度工作总结/, 'the title on page 1');
      assert.match(page1, /一、夯实服务基础，阅读阵地持续扩展/);
      assert.match(page1, /— 1 —|—\s*1\s*—/, 'the page number');
      assert.doesNotMatch(page1, /^\s*(#|---|template:)/m, 'Markdown or front matter on the page');
      run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(resultsDir, 'word-export-page-1')], out, env);
      assert.ok(existsSync(join(resultsDir, 'word-export-page-1.png')));
    });
  });

  it('7. a plain README in the same workspace gets no findings', { timeout: STEP }, async (t) => {
    await step(t, 'readme', async () => {
      const numbered = expected(join(fixtureWorkspace, README)).outline.filter((n) => n.level === 1 && n.ordinal !== null);
      assert.equal(numbered.length, 0, 'the README should have no numbered sections');
      await wb.page.keyboard.press(KEYS.problems);
      await wb.quickOpen(README);
      // The Outline waits for every symbol provider, ours included: once it shows the README's
      // Markdown headings, the language server has seen the README.
      await wb.page.keyboard.press(KEYS.focusOutline);
      await until(
        'the Outline view to show the README’s headings',
        () => wb.treeRows(wb.pane('Outline')),
        (rows) => rows.some((r) => r.label.includes('协作约定')),
      );
      await wb.statusItem(STATUS_ID).waitFor({ state: 'hidden' });
      const files = await wb.markerFiles();
      assert.ok(files.some((l) => l.includes(REPORT)), `the report's own findings should still be listed: ${files.join(' | ')}`);
      assert.ok(!files.some((l) => l.includes(README)), `README.md has findings: ${files.join(' | ')}`);
      assert.equal(await wb.pane('报告').count(), 0, 'the Report view should be hidden for a non-report');
      await wb.screenshot('readme-no-findings');
    });
  });

  it('10. 在此处忽略: the quick fix inserts a suppression comment and the placeholder problems of that line go', { timeout: STEP }, async (t) => {
    await step(t, 'ignore-here', async () => {
      // Double-clicking the problem below opens the report at it; no Quick Open needed.
      await wb.page.keyboard.press(KEYS.problems);
      const before = await until('the placeholder problems', () => wb.markerRows(), (rows) => rows.some((r) => r.text.includes('unfilled-placeholder')));
      const placeholders = before.filter((r) => r.text.includes('unfilled-placeholder'));
      const index = before.indexOf(placeholders[0]!);
      const line = lineOf(placeholders[0]!.label);
      const onLine = placeholders.filter((r) => lineOf(r.label) === line).length;
      const toFill = expected(reportFile).placeholders.length;
      await wb.markersPanel().locator('.monaco-list-row[aria-level="2"]').nth(index).dblclick();
      await until(`the cursor at the placeholder (line ${line})`, () => wb.cursorText(), (s) => s.startsWith(`Ln ${line},`));
      await wb.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
      const fix = await wb.quickFix('在此处忽略 unfilled-placeholder');
      await wb.screenshot('ignore-here-menu');
      await fix.click();
      // The line moved down by one; the Problems list is virtual, so the count is read off the status bar.
      await until(
        `the placeholder problems of line ${line} (now ${line + 1}) to go`,
        () => wb.markerRows(),
        (rows) => rows.some((r) => r.text.includes('unfilled-placeholder')) && !rows.some((r) => r.text.includes('unfilled-placeholder') && lineOf(r.label) === line + 1),
      );
      await until('the status bar to count them no more', async () => (await wb.statusItem(STATUS_ID).innerText()).trim(), (s) => s === `待填 ${toFill - onLine}`);
      await wb.page.keyboard.press('Control+S');
      await until('the report to be saved', async () => (await wb.activeTab().getAttribute('class')) ?? '', (c) => !c.includes('dirty'));
      const saved = readFileSync(reportFile, 'utf8').split('\n');
      assert.equal(saved[line - 1]!.trim(), '<!-- report-author-disable-next-line unfilled-placeholder -->', `line ${line} should be the comment`);
      assert.equal(expected(reportFile).placeholders.length, toFill - onLine, 'report-lint honours the comment too');
      await wb.screenshot('ignore-here-applied');
    });
  });

  it('11. 检查工作区全部报告 runs report-lint as a task; its findings reach the Problems panel', { timeout: 2 * STEP }, async (t) => {
    await step(t, 'workspace-check', async () => {
      // A report on disk that the editor never opens: only the task can report it.
      const other = '2025年半年工作总结.md';
      writeFileSync(join(f.workspace, other), '2025年半年工作总结\n一、主要工作\n完成培训**次。\n三、下半年工作计划\n内容。\n');
      const want = expected(join(f.workspace, other));
      assert.ok(want.diagnostics.some((d) => d.code === 'numbering-gap'));
      await wb.page.keyboard.press(KEYS.checkWorkspace);
      // The command shows the Problems panel when the task ends.
      const rows = await until(
        `the task's findings for ${other} in the Problems panel`,
        () => wb.markerRows(),
        (rows) => rows.filter((r) => r.label.includes('report-lint') && r.text.includes('numbering-gap')).length > 0,
        90_000,
      );
      const files = await wb.markerFiles();
      assert.ok(files.some((l) => l.includes(other)), `${other} is not listed: ${files.join(' | ')}`);
      assert.ok(!files.some((l) => l.includes(README)), `README.md has findings: ${files.join(' | ')}`);
      const gap = rows.find((r) => r.label.includes('report-lint') && r.text.includes('numbering-gap'))!;
      assert.match(gap.label, /^Error: 编号从“一、”跳到“三、”，此处应为“二、”。/);
      await wb.screenshot('workspace-check');
      // The Report view lists every report with what is left in it.
      await wb.page.keyboard.press(KEYS.listWorkspaceReports);
      const view = wb.pane('报告');
      const listed = await until(
        'the Report view to list the workspace reports',
        async () => (await view.locator('.monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ')),
        (texts) => texts.some((s) => s.startsWith(other) && s.includes(`待填 ${want.placeholders.length}`)) && texts.some((s) => s.startsWith(REPORT)),
      );
      assert.ok(!listed.some((s) => s.startsWith(README)), `README.md is listed: ${listed.join(' | ')}`);
      await wb.screenshot('workspace-reports');
    });
  });

  it('8. the in-editor suite (tests/vscode/suite.ts) passes inside code-server', { timeout: 3 * 60_000 }, async (t) => {
    await step(t, 'in-editor-suite', async () => {
      const folder = join(f.workspace, IN_EDITOR_FOLDER);
      cpSync(fixtureWorkspace, folder, { recursive: true });
      const resultFile = join(f.root, 'in-editor-suite.json');
      rmSync(resultFile, { force: true });
      await wb.setPaneExpanded('Explorer Section', true);
      await wb.explorerRow(IN_EDITOR_FOLDER).waitFor({ timeout: 30_000 });
      await wb.page.keyboard.press(KEYS.runInEditorSuite);
      const toast = wb.notification(/In-editor suite: \d+ passed, \d+ failed/);
      await toast.waitFor({ timeout: 150_000 });
      await until('the notification to finish fading in', () => toast.evaluate((el) => (globalThis as any).getComputedStyle(el).opacity as string), (o) => o === '1', 10_000);
      await wb.screenshot('in-editor-suite');
      assert.ok(existsSync(resultFile), `the test extension wrote no ${resultFile}`);
      const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { language: string; passed: number; failed: number; results: { name: string; ok: boolean; error?: string }[] };
      for (const r of result.results) t.diagnostic(`${r.ok ? 'ok' : 'not ok'} - ${r.name}${r.error ? `: ${r.error}` : ''}`);
      assert.equal(result.language, 'zh-cn', 'vscode.env.language inside code-server');
      assert.equal(result.failed, 0, result.results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error}`).join('\n'));
      assert.ok(result.passed >= 7);
    });
  });
});
