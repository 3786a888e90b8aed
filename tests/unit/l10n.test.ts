import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';
import { analyze } from '../../server/src/core';
import { useLocale } from '../../server/src/l10n';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('every runtime message of the server, the core and the CLI has a Chinese translation', () => {
  const bundle = zhCn as Record<string, string>;
  const missing: string[] = [];
  let count = 0;
  for (const file of sources(join(ROOT, 'server/src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      count++;
      if (!(m[1]! in bundle)) missing.push(`${file}: ${m[1]}`);
    }
  }
  assert.ok(count > 40, `found only ${count} messages`);
  assert.deepEqual(missing, []);
});

test('core messages follow the locale the edge chose', () => {
  try {
    useLocale('zh_CN.UTF-8');
    assert.equal(analyze('一、甲\n三、丙').diagnostics[0]!.message, '编号从“一、”跳到“三、”，此处应为“二、”。');
    useLocale('en_US.UTF-8');
    assert.equal(analyze('一、甲\n三、丙').diagnostics[0]!.message, 'Numbering skips from 一、 to 三、: expected 二、.');
  } finally {
    useLocale(undefined);
  }
});
