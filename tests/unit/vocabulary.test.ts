/** One Chinese vocabulary everywhere a user reads: messages, manifest, walkthrough, README's Chinese. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';
import nlsZh from '../../package.nls.zh-cn.json';
import { analyze } from '../../server/src/core';
import { useLocale } from '../../server/src/l10n';

const ROOT = join(__dirname, '../..');
/** Words replaced by one term: a section is 章节 (下级章节), a numbering level is 层, free text is 内容. */
const RETIRED = [/部分/, /小节/, /层级/, /数值/, /缺 ?\d* ?节/, /[^章]节(?!点)/];

test('the Chinese strings say 章节, 层 and 内容, never 部分, 小节, 层级 or 数值', () => {
  const texts: [string, string][] = [
    ...Object.values(zhCn as Record<string, string>).map((v): [string, string] => ['l10n', v]),
    ...Object.values(nlsZh as Record<string, string>).map((v): [string, string] => ['package.nls.zh-cn.json', v]),
    ...readdirSync(join(ROOT, 'media/walkthrough')).map((f): [string, string] => [f, readFileSync(join(ROOT, 'media/walkthrough', f), 'utf8')]),
    ...readdirSync(join(ROOT, 'templates')).map((f): [string, string] => [f, readFileSync(join(ROOT, 'templates', f), 'utf8')]),
  ];
  const bad = texts.filter(([, v]) => RETIRED.some((re) => re.test(v.replace(/参数值|字节|环节|节点|节日|章节/g, ''))));
  assert.deepEqual(bad, []);
});

test('numbering messages quote the markers they name', () => {
  try {
    useLocale('zh_CN.UTF-8');
    const messages = analyze('一、甲\n二、乙\n四、丁\n四、戊\n（1）己\n五.庚').diagnostics.map((d) => d.message);
    assert.deepEqual(messages, [
      '编号从“二、”跳到“四、”，此处应为“三、”。',
      '“四、”与本层已用的序号重复（第 3 行）。',
      '“（1）”直接位于“四、”之下，跳过了“（一）”这一层。',
      '序号“五.”应写作“五、”。',
    ]);
    assert.equal(analyze('一、甲\n培训**人，参会×××。').diagnostics.at(-1)!.message, '占位符“×××”尚未填写（内容）。');
  } finally {
    useLocale(undefined);
  }
});
