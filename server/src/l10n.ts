/**
 * Chooses the language of runtime messages at the edges (CLI, server). The core only
 * calls `l10n.t(...)` with English strings; translations live in l10n/bundle.l10n.*.json.
 */
import * as l10n from '@vscode/l10n';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';

/** `zh_CN.UTF-8`, `zh-CN`, `zh-cn`, `zh` → Chinese; anything else → English. */
export function isChineseLocale(locale: string | undefined | null): boolean {
  return !!locale && /^zh([-_]|$)/i.test(locale.trim());
}

export function useLocale(locale: string | undefined | null): 'zh-cn' | 'en' {
  if (isChineseLocale(locale)) {
    l10n.config({ contents: zhCn as Record<string, string> });
    return 'zh-cn';
  }
  l10n.config({ contents: {} });
  return 'en';
}

/** The locale of the process environment, as the CLI sees it (LC_ALL > LC_MESSAGES > LANG). */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined;
}
