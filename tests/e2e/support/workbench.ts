/**
 * Driving VS Code's workbench (served by code-server) in Debian's Chromium through
 * playwright-core. Every wait is on something on screen (a DOM condition with a timeout),
 * never a fixed sleep.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

/**
 * Playwright gives each launch a fresh temporary profile (--user-data-dir) and removes it on
 * close; `home` takes what Chromium writes beside it (crash reports, caches) out of $HOME.
 */
export async function launchBrowser(executablePath: string, home: string): Promise<Browser> {
  const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') };
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, env, timeout: 60_000 });
}

/**
 * Polls `read` (every 200 ms) until `ok` accepts its value; on timeout the error shows the last
 * value seen, which is usually what a failing step needs to say.
 */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (ok(last)) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `error: ${lastError instanceof Error ? lastError.message : String(lastError)}` : JSON.stringify(last, null, 1);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export class Workbench {
  private shotCount = 0;
  constructor(
    readonly page: Page,
    private readonly screenshotsDir: string,
  ) {
    mkdirSync(screenshotsDir, { recursive: true });
  }

  /** Saves test-results/e2e/NN-name.png (numbered in the order taken). */
  async screenshot(name: string): Promise<string> {
    const file = join(this.screenshotsDir, `${String(++this.shotCount).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { timeout: 60_000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    // The Explorer lists the workspace once the remote connection is up.
    await this.explorerRow('README.md').waitFor({ timeout: 90_000 });
  }

  explorerRow(name: string): Locator {
    return this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
  }

  // ---- editors --------------------------------------------------------------------------

  activeTab(): Locator {
    return this.page.locator('.editor-group-container.active .tab.active');
  }

  /** Quick Open (Ctrl+P), the file's name, Enter; resolves when its tab is the active one and focused. */
  async quickOpen(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(fileName);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await until(`${fileName} to be the active editor`, () => this.activeTab().getAttribute('aria-label'), (l) => !!l && l.startsWith(fileName));
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
  }

  /** Ctrl+G (Go to Line: Quick Open with `:`) to a 1-based line, cursor at its start; resolves when the status bar shows it. */
  async goToLine(line: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await until(`the cursor on line ${line}`, () => this.cursorText(), (t) => t.startsWith(`Ln ${line},`));
  }

  /** The status bar's `Ln 12, Col 3`. */
  async cursorText(): Promise<string> {
    return (await this.page.locator('#status\\.editor\\.selection').innerText()).trim();
  }

  // ---- status bar -----------------------------------------------------------------------

  statusItem(id: string): Locator {
    return this.page.locator(`#workbench\\.parts\\.statusbar [id="${id}"]`);
  }

  // ---- Problems panel -------------------------------------------------------------------

  markersPanel(): Locator {
    return this.page.locator('.markers-panel');
  }

  /** The marker rows (aria-level 2) as their accessible labels: `Error: message at line 17 and character 1. generated by …`. */
  async markerRows(): Promise<{ label: string; text: string }[]> {
    const rows = this.page.locator('.markers-panel .monaco-list-row[aria-level="2"]');
    const n = await rows.count();
    const out: { label: string; text: string }[] = [];
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      out.push({ label: (await row.getAttribute('aria-label')) ?? '', text: (await row.innerText()).replace(/\s+/g, ' ') });
    }
    return out;
  }

  /** The file rows (aria-level 1) of the Problems panel. */
  async markerFiles(): Promise<string[]> {
    const rows = this.page.locator('.markers-panel .monaco-list-row[aria-level="1"]');
    const n = await rows.count();
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((await rows.nth(i).getAttribute('aria-label')) ?? '');
    return out;
  }

  // ---- views ----------------------------------------------------------------------------

  /** The sidebar pane whose header's label starts with `title` (`Outline`, `报告`). */
  pane(title: string): Locator {
    return this.page.locator('#workbench\\.parts\\.sidebar .pane', { has: this.page.locator(`.pane-header[aria-label^="${title}"]`) });
  }

  /** Expands or collapses a sidebar pane by clicking its header, as a user does. */
  async setPaneExpanded(title: string, expanded: boolean): Promise<void> {
    const header = this.page.locator(`#workbench\\.parts\\.sidebar .pane-header[aria-label^="${title}"]`);
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
    await until(`the ${title} pane to be ${expanded ? 'expanded' : 'collapsed'}`, () => header.getAttribute('aria-expanded'), (v) => v === String(expanded));
  }

  async treeRows(pane: Locator): Promise<{ level: number; label: string }[]> {
    const rows = pane.locator('.monaco-list-row');
    const n = await rows.count();
    const out: { level: number; label: string }[] = [];
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      out.push({ level: Number(await row.getAttribute('aria-level')), label: (await row.getAttribute('aria-label')) ?? '' });
    }
    return out;
  }

  // ---- widgets --------------------------------------------------------------------------

  suggestWidget(): Locator {
    return this.page.locator('.editor-widget.suggest-widget.visible');
  }

  actionWidget(): Locator {
    return this.page.locator('.action-widget');
  }

  /**
   * Opens the Quick Fix menu (Ctrl+.) at the cursor of the active editor and resolves with its
   * row titled `title`. Ctrl+. can land while the editor is still taking focus after a
   * double-click in the Problems panel (the panel may take it back on mouse-up), or before the
   * server's code actions for a just-published diagnostic are asked for; either way the menu
   * opens without the fix, or not at all. Each attempt therefore first gives the editor the
   * focus back (a click on its tab keeps the cursor), then asks again: up to five attempts.
   */
  async quickFix(title: string): Promise<Locator> {
    const fix = this.actionWidget().locator('.monaco-list-row', { hasText: title });
    const editor = this.page.locator('.editor-group-container.active .monaco-editor.focused');
    for (let attempt = 1; ; attempt++) {
      if (!(await editor.isVisible())) {
        await this.activeTab().click();
        await editor.waitFor({ timeout: 10_000 });
      }
      await this.page.keyboard.press('Control+.');
      try {
        await fix.waitFor({ timeout: 8_000 });
        return fix;
      } catch (error) {
        if (attempt >= 5) throw error;
        // Close whatever opened (a menu without the fix, "no code actions") before asking again.
        await this.page.keyboard.press('Escape');
        await this.actionWidget().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      }
    }
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  /**
   * The content of the visible webview (a preview): VS Code lays webviews over the editor in
   * iframes of their own, `iframe.webview` holding `iframe#active-frame`.
   */
  webview(): FrameLocator {
    return this.page.locator('iframe.webview').first().contentFrame().locator('iframe#active-frame').contentFrame();
  }

  /** The number of editor groups side by side. */
  async editorGroups(): Promise<number> {
    return this.page.locator('.editor-group-container').count();
  }
}
