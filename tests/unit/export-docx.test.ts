/**
 * The Word export (core/export): the .docx is read back with an independent reader
 * (tests/support/docx.ts: JSZip + xmldom, styles resolved as Word resolves them) and checked
 * against GB/T 9704 and against the engine's own reading of the report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, parseTemplate, type ReportModel } from '../../server/src/core';
import { exportDocx, imageInfo, resolveLayout, sizeInPoints, type DocxOptions, type LoadedImage } from '../../server/src/core/export';
import { lineFit } from '../../server/src/core/export/docx';
import { mm } from '../../server/src/core/export/style';
import { attr, child, paragraphStarting, readDocx, type DocxFile } from '../support/docx';
import { createRng, generateReport } from '../support/generate';
import { CORPUS, EXAMPLE, EXAMPLE_PLACEHOLDERS, SHARED, sharedAvailable } from '../support/fixtures';
import { PLACEHOLDER_SHAPES } from '../support/hostilePlaceholders';

const ROOT = join(__dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/docx');
const SAMPLE = readFileSync(join(ROOT, 'samples/annual-summary.md'), 'utf8');
const SHARED_EXAMPLE = join(SHARED, 'reports/annual-work-summary-2022.md');

const FONT = { 1: '黑体', 2: '楷体_GB2312', 3: '仿宋_GB2312', 4: '仿宋_GB2312' } as const;
const BOLD = { 1: false, 2: false, 3: true, 4: true } as const;

const loadFrom =
  (dir: string) =>
  (src: string): LoadedImage => {
    try {
      return { ok: true, data: new Uint8Array(readFileSync(join(dir, src))) };
    } catch {
      return { ok: false, reason: 'no such file' };
    }
  };

async function exported(text: string, options: DocxOptions = {}): Promise<{ doc: DocxFile; model: ReportModel; result: Awaited<ReturnType<typeof exportDocx>> }> {
  const model = analyze(text);
  const result = await exportDocx(text, model, options);
  return { doc: await readDocx(result.bytes), model, result };
}

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const highlighted = (doc: DocxFile) => doc.paragraphs.flatMap((p) => p.runs.filter((r) => r.highlight === 'yellow').map((r) => r.text));
const plainText = (doc: DocxFile) =>
  doc.paragraphs.map((p) => p.runs.filter((r) => !r.highlight).map((r) => r.text).join('')).join('\n');

/** Every heading the engine found is a paragraph of its level: outline level, font, size, boldness. */
function assertLevels(doc: DocxFile, model: ReportModel, except: readonly string[] = []): number {
  let checked = 0;
  for (const h of model.headings) {
    if (h.level === 0 || except.includes(h.marker + h.title)) continue;
    const p = doc.paragraphs.find((x) => !x.inTable && x.text.replace(/\*\*/g, '').startsWith(h.marker) && x.text.includes(h.title.replace(/\*+/g, '').slice(0, 4)));
    assert.ok(p, `no paragraph for ${h.marker}${h.title}`);
    assert.equal(p.outlineLevel, h.level, `${h.marker}${h.title}: outline level`);
    const head = h.form === 'run-in' ? p.runs.filter((r) => r.style === `RaRunIn${h.level}`) : p.runs.filter((r) => r.text.trim());
    assert.ok(head.length > 0, `${h.marker}${h.title}: no heading runs`);
    for (const r of head) {
      if (r.highlight) continue;
      assert.equal(r.eastAsia, FONT[h.level], `${h.marker}${h.title}: font of “${r.text}”`);
      assert.equal(r.ascii, 'Times New Roman');
      assert.equal(r.size, 32, `${h.marker}${h.title}: 三号`);
      assert.equal(r.bold, BOLD[h.level], `${h.marker}${h.title}: bold of “${r.text}”`);
    }
    checked++;
  }
  return checked;
}

test('A4, margins 37/35/28/26 mm, 22 lines of 28 characters', async () => {
  const { doc } = await exported(SAMPLE);
  const pgSz = child(doc.sectPr, 'pgSz');
  assert.deepEqual([attr(pgSz, 'w'), attr(pgSz, 'h')], ['11906', '16838']);
  const pgMar = child(doc.sectPr, 'pgMar');
  assert.deepEqual(
    ['top', 'bottom', 'left', 'right'].map((k) => Number(attr(pgMar, k))),
    [mm(37), mm(35), mm(28), mm(26)],
  );
  assert.deepEqual([mm(37), mm(35), mm(28), mm(26)], [2098, 1984, 1587, 1474]);
  const grid = child(doc.sectPr, 'docGrid');
  assert.equal(attr(grid, 'linePitch'), '578');
  // Body: exactly 28.9 pt a line, 22 of them in the 225 mm type area.
  const styles = (await doc.xml('word/styles.xml'))!;
  assert.match(styles, /<w:pPrDefault><w:pPr><w:spacing w:after="0" w:before="0" w:line="578" w:lineRule="exact"\/>/);
  assert.equal(Math.floor((297 - 37 - 35) / 25.4 * 72 / 28.9), 22);
  // 28 characters of 三号 with the body's character spacing fit the 156 mm line, 29 do not.
  const spacing = lineFit(resolveLayout());
  assert.match(styles, new RegExp(`<w:spacing w:val="${spacing}"/>`));
  const width = mm(210 - 28 - 26);
  assert.ok(28 * (320 + spacing) <= width && 29 * (320 + spacing) > width, `pitch ${320 + spacing} twips, line ${width}`);
});

test('the example report: title, levels, body, placeholders and signature as a 公文', async () => {
  // Under a second, analysis included: the best of three runs, so other processes on a shared
  // machine do not decide the result.
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await exportDocx(SAMPLE, analyze(SAMPLE));
    times.push(performance.now() - t0);
  }
  assert.ok(Math.min(...times) < 1000, `exported in ${times.map(Math.round).join(', ')} ms`);
  const { doc, model, result } = await exported(SAMPLE);

  const title = doc.paragraphs[0]!;
  assert.equal(title.text, '**街道社区服务中心2024年度工作总结');
  assert.equal(title.style, 'Title');
  assert.equal(title.alignment, 'center');
  assert.equal(title.outlineLevel, null);
  for (const r of title.runs) {
    assert.equal(r.eastAsia, '方正小标宋简体');
    assert.equal(r.size, 44, '二号');
    assert.equal(r.bold, false);
  }
  assert.equal(assertLevels(doc, model), model.headings.length);
  assert.deepEqual(
    doc.paragraphs.filter((p) => p.outlineLevel !== null).map((p) => `${p.outlineLevel} ${p.text}`),
    [
      '1 一、坚持党建引领，组织基础进一步夯实',
      '2 （一）抓好理论学习。',
      '2 （二）抓好阵地建设。',
      '1 二、聚焦民生需求，服务水平进一步提升',
      '2 （一）养老服务提质扩面。',
      '2 （二）就业帮扶精准有效。',
      '2 （三）便民服务持续优化。',
      '1 三、压实安全责任，平安建设进一步巩固',
      '2 （一）开展隐患排查整治。',
      '2 （二）加强应急能力建设。',
      '1 四、存在问题',
      '1 五、下一步工作打算',
    ],
  );
  const body = paragraphStarting(doc, '中心党支部全年召开');
  assert.equal(body.outlineLevel, null);
  assert.equal(body.firstLineChars, 200, 'two characters in');
  assert.equal(body.alignment, 'both');
  for (const r of body.runs) {
    assert.equal(r.eastAsia, '仿宋_GB2312');
    assert.equal(r.ascii, 'Times New Roman');
    assert.equal(r.size, 32);
  }

  // Every placeholder as written, highlighted, in order; counted as the engine counts them.
  assert.equal(result.placeholders, 38);
  assert.equal(result.placeholders, model.placeholders.length);
  assert.equal(result.highlighted, model.placeholders.length);
  assert.deepEqual(highlighted(doc), model.placeholders.map((p) => p.text));
  assert.doesNotMatch(plainText(doc), /[*#]/);

  // 落款: right-aligned, the unit centred over the date (which stands four characters in).
  const unit = paragraphStarting(doc, '***街道社区服务中心');
  const date = paragraphStarting(doc, '20**年**月**日');
  for (const p of [unit, date]) {
    assert.equal(p.style, 'RaSignature');
    assert.equal(p.alignment, 'right');
    assert.equal(p.outlineLevel, null);
  }
  assert.equal(doc.paragraphs.at(-1), date);
  // Widths: `20**年**月**日` 7 characters, `***街道社区服务中心` 9½.
  assert.equal(date.rightIndent, 4 * 320);
  assert.equal(unit.rightIndent, (4 + (7 - 9.5) / 2) * 320);
});

test('# headings, front matter, a table, a list, emphasis, images and comments', async () => {
  const warnings: string[] = [];
  const { doc, model, result } = await exported(fixture('atx-headings.md'), { loadImage: loadFrom(FIXTURES) });
  warnings.push(...result.warnings.map((w) => `${w.line}: ${w.message}`));
  assert.equal(assertLevels(doc, model), 5);
  const levels = doc.paragraphs.filter((p) => p.outlineLevel !== null).map((p) => `${p.outlineLevel} ${p.style} ${p.text}`);
  assert.deepEqual(levels, [
    '1 Heading1 一、基本情况',
    '2 Heading2 （一）检查范围',
    '3 Heading3 1. 危险化学品',
    '4 Heading4 （1）仓储环节',
    '1 Heading1 二、下一步工作',
  ]);
  // A list of measures (items ending in ；) is a list, not headings: its numbers kept as text.
  for (const item of ['1.健全长效机制；', '2.加强执法检查，从严处理。']) {
    const p = paragraphStarting(doc, item);
    assert.equal(p.outlineLevel, null, item);
    assert.equal(p.style, null, item);
  }
  // The title comes from the front matter; the front matter itself and the comment do not appear.
  assert.equal(doc.paragraphs[0]!.text, '关于开展2025年度安全生产检查工作的情况报告');
  assert.equal(doc.paragraphs[0]!.style, 'Title');
  const text = doc.text;
  for (const gone of ['title:', 'template:', 'work-plan', '---', '#', '|', 'report-lint-disable', '<!--', '![', '](', '\uE000', '\uE001', '\uE002']) {
    assert.ok(!text.includes(gone), `“${gone}” reached the document:\n${text}`);
  }
  assert.doesNotMatch(plainText(doc), /\*/);
  // Bold and italic are formatting.
  const bold = doc.paragraphs.flatMap((p) => p.runs).find((r) => r.text === '均已建档');
  assert.ok(bold?.bold, 'bold run');
  const italic = doc.paragraphs.flatMap((p) => p.runs).find((r) => r.text === '从严处理');
  assert.ok(italic?.italics, 'italic run');
  // A table with borders, its header bold, its placeholder highlighted.
  assert.equal(doc.tables.length, 1);
  const tbl = doc.tables[0]!;
  const rows = Array.from(tbl.getElementsByTagNameNS('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'tr'));
  assert.deepEqual(
    rows.map((r) => Array.from(r.getElementsByTagNameNS('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'tc')).map((c) => c.textContent)),
    [
      ['行业', '企业数', '隐患数'],
      ['危险化学品', '12', '**处'],
      ['建筑施工', '8', '5'],
    ],
  );
  const borders = child(child(tbl, 'tblPr'), 'tblBorders');
  for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV']) assert.equal(attr(child(borders, side), 'val'), 'single', side);
  const header = doc.paragraphs.find((p) => p.inTable && p.text === '行业')!;
  assert.ok(header.runs.every((r) => r.bold));
  // Every placeholder highlighted, the table's included.
  assert.deepEqual(highlighted(doc), model.placeholders.map((p) => p.text));
  assert.equal(result.highlighted, 5);
  // The image beside the report is embedded; a remote one and a missing one are their descriptions, with a warning each.
  assert.equal(doc.paragraphs.flatMap((p) => p.runs).filter((r) => r.image).length, 1);
  assert.ok(doc.files.some((f) => /^word\/media\/.+\.png$/.test(f)));
  assert.ok(doc.text.includes('[Image: 远程图]') && doc.text.includes('[Image: 缺失图]'));
  assert.equal(warnings.length, 2);
  assert.match(warnings[0]!, /^35: The image https:\/\/example.com\/a.png is on the web/);
  assert.match(warnings[1]!, /^37: The image figures\/missing.png could not be read \(no such file\)/);
  // No Word numbering: the numbers are the report's own text.
  assert.doesNotMatch((await doc.xml('word/document.xml'))!, /<w:numPr>/);
});

test('bold lines, run-in headings, 附件说明, the signature block and an annex', async () => {
  const { doc, model, result } = await exported(fixture('bold-runin.md'));
  // The engine reads `2．农技推广人员名单` as a heading; below `附件：1．…` it is the note's second item.
  assert.equal(assertLevels(doc, model, ['2．农技推广人员名单']), 6);
  // `**一、主要工作完成情况**` is a level-1 heading in 黑体, not bold text.
  const l1 = paragraphStarting(doc, '一、主要工作完成情况');
  assert.equal(l1.style, 'Heading1');
  assert.deepEqual(l1.runs.map((r) => [r.text, r.bold, r.eastAsia]), [['一、主要工作完成情况', false, '黑体']]);
  // A run-in heading keeps its body in the same paragraph; the heading part is styled.
  const runIn = paragraphStarting(doc, '（一）粮食生产稳中有进。');
  assert.equal(runIn.outlineLevel, 2);
  assert.equal(runIn.style, null);
  const head = runIn.runs.filter((r) => r.style === 'RaRunIn2');
  assert.equal(head.map((r) => r.text).join(''), '（一）粮食生产稳中有进。');
  assert.ok(head.every((r) => r.eastAsia === '楷体_GB2312' && !r.bold));
  const rest = runIn.runs.slice(head.length);
  assert.ok(rest.length > 0 && rest.every((r) => r.style === null && (r.highlight || r.eastAsia === '仿宋_GB2312')));
  assert.ok(rest.map((r) => r.text).join('').startsWith('全县完成粮食播种面积'));
  const l3 = paragraphStarting(doc, '1．抓好春耕备耕。');
  assert.deepEqual(
    l3.runs.filter((r) => r.style === 'RaRunIn3').map((r) => [r.text, r.bold, r.eastAsia]),
    [['1．抓好春耕备耕。', true, '仿宋_GB2312']],
  );
  assert.equal(l3.outlineLevel, 3);
  // 附件说明: a body line, its second item aligned under the first, not a heading.
  const note = paragraphStarting(doc, '附件：1．上半年重点项目进展表');
  const item = paragraphStarting(doc, '2．农技推广人员名单');
  assert.equal(note.outlineLevel, null);
  assert.equal(item.outlineLevel, null);
  assert.equal(item.firstLineChars, 0);
  // The signature before the annex, right-aligned.
  for (const t of ['××县农业农村局', '2024年7月5日']) {
    const p = doc.paragraphs.find((x) => x.text === t)!;
    assert.equal(p.style, 'RaSignature', t);
    assert.equal(p.alignment, 'right');
  }
  // The annex starts a page: `附件1` in 黑体 at the top left, its title centred as a title.
  const annex = paragraphStarting(doc, '附件1');
  assert.equal(annex.style, 'RaAnnex');
  assert.ok(annex.pageBreakBefore);
  assert.equal(annex.firstLineChars, 0);
  assert.equal(annex.runs[0]!.eastAsia, '黑体');
  const annexTitle = doc.paragraphs[doc.paragraphs.indexOf(annex) + 1]!;
  assert.equal(annexTitle.text, '上半年重点项目进展表');
  assert.equal(annexTitle.style, 'Title');
  assert.deepEqual(highlighted(doc), model.placeholders.map((p) => p.text));
  assert.equal(result.placeholders, 9);
});

test('a salutation under the title stands flush left; the lead paragraph does not', async () => {
  const { doc } = await exported('关于2024年度工作情况的报告\n\n县委、县政府：\n\n现将全年工作情况报告如下：\n\n一、主要工作\n\n全年完成任务**项。\n');
  assert.equal(paragraphStarting(doc, '县委、县政府：').firstLineChars, 0);
  assert.equal(paragraphStarting(doc, '现将全年工作情况').firstLineChars, 200);
  const none = await exported('关于2024年度工作情况的报告\n\n现将全年工作情况报告如下：\n\n一、主要工作\n');
  assert.equal(paragraphStarting(none.doc, '现将全年工作情况').firstLineChars, 200, 'a lead sentence ending in a colon is body text');
});

test('HTML tables: merged cells across and down, short rows filled', async () => {
  const html = [
    '标题',
    '',
    '<table>',
    '<tr><th rowspan="2">项目</th><th colspan="2">完成情况</th></tr>',
    '<tr><th>计划</th><th>实际</th></tr>',
    '<tr><td>道路</td><td>**公里</td><td>12</td></tr>',
    '<tr><td>说明</td></tr>',
    '</table>',
    '',
  ].join('\n');
  const { doc, model } = await exported(html);
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const rows = Array.from(doc.tables[0]!.getElementsByTagNameNS(W, 'tr'));
  // Each row spans the three grid columns: gridSpan counted, vMerge continuations included.
  const widths = rows.map((r) =>
    Array.from(r.getElementsByTagNameNS(W, 'tc')).reduce((n, tc) => n + Number(attr(child(child(tc, 'tcPr'), 'gridSpan'), 'val') ?? 1), 0),
  );
  assert.deepEqual(widths, [3, 3, 3, 3]);
  const merges = rows.map((r) => Array.from(r.getElementsByTagNameNS(W, 'vMerge')).map((v) => attr(v, 'val') ?? 'continue'));
  assert.deepEqual(merges, [['restart'], ['continue'], [], []]);
  assert.deepEqual(highlighted(doc), model.placeholders.map((p) => p.text));
  assert.equal(doc.tables[0]!.getElementsByTagNameNS(W, 'gridCol').length, 3);
});

test('page numbers: — 1 — in 四号宋体, odd pages right, even pages left', async () => {
  const { doc } = await exported(SAMPLE);
  const refs = Array.from(doc.sectPr.getElementsByTagNameNS('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'footerReference'));
  assert.deepEqual(refs.map((r) => attr(r, 'type')).sort(), ['default', 'even']);
  assert.match((await doc.xml('word/settings.xml'))!, /<w:evenAndOddHeaders\/>/);
  const footers = doc.files.filter((f) => /^word\/footer\d+\.xml$/.test(f)).sort();
  assert.equal(footers.length, 2);
  const sides: string[] = [];
  for (const f of footers) {
    const xml = (await doc.xml(f))!;
    assert.match(xml, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    assert.match(xml, /<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
    sides.push(/<w:jc w:val="(\w+)"\/>/.exec(xml)![1]!);
  }
  assert.deepEqual(sides.sort(), ['left', 'right']);
  const styles = (await doc.xml('word/styles.xml'))!;
  const footerStyle = /<w:style [^>]*w:styleId="RaPageNumber">[\s\S]*?<\/w:style>/.exec(styles)![0];
  assert.match(footerStyle, /w:eastAsia="宋体"/);
  assert.match(footerStyle, /<w:sz w:val="28"\/>/);
});

test('every font names its East Asian face; the font table says what to fall back to', async () => {
  const { doc } = await exported(fixture('bold-runin.md'));
  for (const part of doc.files.filter((f) => /^word\/(document|styles|footer\d+)\.xml$/.test(f))) {
    const xml = (await doc.xml(part))!;
    assert.doesNotMatch(xml, /Calibri|asciiTheme|eastAsiaTheme/, part);
    for (const m of xml.matchAll(/<w:rFonts [^>]*>/g)) assert.match(m[0], /w:eastAsia="[^"]+"/, `${part}: ${m[0]}`);
  }
  const fonts = (await doc.xml('word/fontTable.xml'))!;
  assert.match(fonts, /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>[\s\S]*?<w:charset w:val="86"\/><w:family w:val="roman"\/>/);
  assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  assert.match(fonts, /<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
});

test('a template’s layout overrides fonts, sizes, margins and line spacing', async () => {
  const layout = { fonts: { title: '黑体', body: '宋体', level1: '微软雅黑' }, sizes: { title: 18, body: '小四' }, margins: { top: 25, left: 30 }, lineSpacing: 20 };
  const { doc } = await exported(SAMPLE, { layout });
  const pgMar = child(doc.sectPr, 'pgMar');
  assert.deepEqual([attr(pgMar, 'top'), attr(pgMar, 'bottom'), attr(pgMar, 'left'), attr(pgMar, 'right')], [String(mm(25)), '1984', String(mm(30)), '1474']);
  assert.equal(attr(child(doc.sectPr, 'docGrid'), 'linePitch'), '400');
  const title = doc.paragraphs[0]!.runs[1]!;
  assert.deepEqual([title.eastAsia, title.size], ['黑体', 36]);
  const body = paragraphStarting(doc, '中心党支部全年召开').runs[0]!;
  assert.deepEqual([body.eastAsia, body.size], ['宋体', 24]);
  const l1 = paragraphStarting(doc, '一、坚持党建引领').runs[0]!;
  assert.deepEqual([l1.eastAsia, l1.size], ['微软雅黑', 24], 'headings follow the body size');
  // Small type needs no squeezing to fit the line.
  assert.equal(lineFit(resolveLayout(layout)), 0);

  // The same keys in a template's front matter, validated by the schema.
  const template = (extra: string) =>
    parseTemplate(`---\nid: company\nname: 公司报告\n${extra}sections:\n  - id: a\n    title: 概况\n---\n一、概况\n`, '/t/company.md');
  const parsed = template('layout:\n  fonts: { body: 宋体 }\n  sizes: { body: 小四, title: 18 }\n  margins: { top: 25 }\n');
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.template!.layout, { fonts: { body: '宋体' }, sizes: { body: '小四', title: 18 }, margins: { top: 25 } });
  assert.ok(template('layout:\n  fonts: { footer: 宋体 }\n').errors.length > 0, 'unknown key');
  assert.ok(template('layout:\n  sizes: { body: 大号 }\n').errors.length > 0, 'unknown 字号');
  assert.ok(template('layout:\n  margins: { top: -3 }\n').errors.length > 0, 'negative margin');
  assert.equal(template('').template!.layout, null);
});

test('字号 names and sizes', () => {
  assert.equal(sizeInPoints('三号'), 16);
  assert.equal(sizeInPoints('小四'), 12);
  assert.equal(sizeInPoints('二号'), 22);
  assert.equal(sizeInPoints(10.5), 10.5);
  assert.equal(sizeInPoints('12pt'), 12);
  assert.equal(sizeInPoints('大号'), null);
  assert.equal(sizeInPoints(-1), null);
  assert.equal(resolveLayout({ sizes: { body: '大号' } }).sizes.body, 16, 'nonsense keeps the default');
});

test('image headers: PNG, JPEG, GIF, BMP; anything else is not an image', () => {
  assert.deepEqual(imageInfo(readFileSync(join(FIXTURES, 'figures/site.png'))), { type: 'png', width: 64, height: 32 });
  // JPEG: SOI, an APP0 segment, then SOF0 with height 300 and width 400.
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x03, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(imageInfo(jpeg), { type: 'jpg', width: 400, height: 300 });
  const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x0a, 0x00, 0x05, 0x00]);
  assert.deepEqual(imageInfo(gif), { type: 'gif', width: 10, height: 5 });
  const bmp = new Uint8Array(30);
  bmp.set([0x42, 0x4d]);
  bmp.set([7, 0, 0, 0, 3, 0, 0, 0], 18);
  assert.deepEqual(imageInfo(bmp), { type: 'bmp', width: 7, height: 3 });
  assert.equal(imageInfo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
  assert.equal(imageInfo(new Uint8Array(0)), null);
  assert.equal(imageInfo(Uint8Array.from([0xff, 0xd8, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0])), null);
});

test('image paths are read as written: URL escapes decoded, Windows backslashes as slashes', async () => {
  const asked: string[] = [];
  const { result } = await exported('标题\n\n![甲](图片/现场%201.png)\n\n![乙](pic\\2.png)\n\n![丙](<带 空格.png>)\n', {
    loadImage: (src) => (asked.push(src), { ok: false, reason: 'no such file' }),
  });
  assert.deepEqual(asked, ['图片/现场 1.png', 'pic/2.png', '带 空格.png']);
  assert.match(result.warnings[0]!.message, /^The image 图片\/现场 1\.png could not be read/);
});

test('an image that is not one is its description, with a warning; no loader means no embedding', async () => {
  const text = '标题\n\n一、概况\n\n![示意图](bad.png)\n';
  const { doc, result } = await exported(text, { loadImage: () => ({ ok: true, data: new TextEncoder().encode('not an image') }) });
  assert.ok(doc.text.includes('[Image: 示意图]'));
  assert.deepEqual(result.warnings.map((w) => w.line), [4]);
  const none = await exported(text);
  assert.ok(none.doc.text.includes('[Image: 示意图]'));
  assert.deepEqual(none.result.warnings, []);
});

test('characters XML cannot hold are left out, so Word can open the file', async () => {
  const text = '标题\u0001\n\n一、概况\n\n正文\u0001含\u0007控制\u000b字符\uFFFE和\uD800孤立代理。表情😀，制表\t符。\n\n```\n代码\u0002行\n```\n';
  const { doc } = await exported(text);
  for (const part of ['word/document.xml', 'docProps/core.xml']) {
    const xml = (await doc.xml(part))!;
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/, part);
  }
  assert.ok(doc.text.includes('正文含控制字符和\uFFFD孤立代理。表情😀，制表'), doc.text);
  assert.ok(doc.text.includes('代码行'));
});

test('a line of thousands of asterisks keeps them as written; its placeholders still highlighted', async () => {
  const hostile = '**重点**、'.repeat(1500);
  const text = `标题\n\n一、概况\n\n${hostile}\n\n全年完成**项。\n`;
  const t0 = performance.now();
  const { doc, model } = await exported(text);
  const elapsed = performance.now() - t0;
  assert.doesNotMatch(doc.text, /[\uE000-\uE01F]/);
  // remark never sees them (it would take minutes): the line is its text, every asterisk kept.
  assert.ok(doc.paragraphs.some((p) => p.text === hostile));
  assert.deepEqual(highlighted(doc), model.placeholders.map((p) => p.text));
  assert.ok(elapsed < 30_000, `${Math.round(elapsed)} ms`);
});

test('issue 11’s hostile lines export, every placeholder highlighted, nothing private left', async () => {
  for (const shape of PLACEHOLDER_SHAPES) {
    const text = shape.make(3000);
    const { doc, model, result } = await exported(text);
    assert.equal(result.highlighted, model.placeholders.length, shape.name);
    assert.doesNotMatch(doc.text, /[\uE000-\uE01F]/, shape.name);
  }
});

test('CRLF, a BOM, an empty report and hostile HTML export without a crash', async () => {
  const crlf = await exported('\uFEFF' + SAMPLE.replace(/\n/g, '\r\n'));
  const lf = await exported(SAMPLE);
  assert.equal(crlf.doc.text, lf.doc.text);
  assert.doesNotMatch(crlf.doc.text, /[\r\uFEFF]/);
  const empty = await exported('');
  assert.equal(empty.result.placeholders, 0);
  const hostile = join(ROOT, 'tests/fixtures/hostile');
  for (const f of readdirSync(hostile)) {
    const { doc } = await exported(readFileSync(join(hostile, f), 'utf8'));
    // Links are their text: nothing in the document can be followed or run.
    assert.doesNotMatch((await doc.xml('word/document.xml'))!, /<w:hyperlink|<w:fldSimple|<script|<w:object/i, f);
    assert.doesNotMatch((await doc.xml('word/_rels/document.xml.rels'))!, /javascript:|vbscript:|data:|TargetMode="External"/i, f);
  }
});

test('the example report: every heading at its level, every placeholder highlighted', async () => {
  const { doc, model, result } = await exported(EXAMPLE);
  assert.equal(result.placeholders, EXAMPLE_PLACEHOLDERS);
  assert.deepEqual(highlighted(doc), model.placeholders.map((p) => p.text));
  assert.ok(assertLevels(doc, model) > 10);
  assert.doesNotMatch(plainText(doc), /\*\*|^#/m);
});

if (sharedAvailable('reports', 'the seed report exported to Word')) {
  test('the seed report: every heading at its level, every placeholder highlighted', async () => {
    const { doc, model, result } = await exported(readFileSync(SHARED_EXAMPLE, 'utf8'));
    assert.equal(result.placeholders, 213);
    assert.deepEqual(highlighted(doc), model.placeholders.map((p) => p.text));
    assert.ok(assertLevels(doc, model) > 10);
    assert.doesNotMatch(plainText(doc), /\*\*|^#/m);
  });
}

if (sharedAvailable('corpus', 'the corpus exported to Word')) {
  test('the corpus: every report exports, every placeholder highlighted once', async () => {
    for (const f of readdirSync(CORPUS).filter((x) => x.endsWith('.md') && x !== 'README.md')) {
      const { doc, model, result } = await exported(readFileSync(join(CORPUS, f), 'utf8'));
      assert.equal(result.highlighted, model.placeholders.length, f);
      assert.deepEqual(highlighted(doc), model.placeholders.map((p) => p.text), f);
      assert.doesNotMatch(doc.text, /[\uE000-\uE01F]/, `${f}: a private-use token reached the document`);
    }
  });
}

test('generated reports in every heading style: each exports, each numbered heading at its outline level, each placeholder highlighted', async () => {
  const rng = createRng(20261202);
  for (let i = 0; i < 24; i++) {
    const { text, style } = generateReport(rng, { headings: (['plain', 'atx', 'bold', 'run-in'] as const)[i % 4] });
    const { doc, model, result } = await exported(text);
    const label = `report ${i} (${JSON.stringify(style)})`;
    assert.deepEqual(highlighted(doc), model.placeholders.map((p) => p.text), label);
    assert.equal(result.placeholders, model.placeholders.length, label);
    const outline = doc.paragraphs.filter((p) => p.outlineLevel !== null).map((p) => p.outlineLevel);
    assert.deepEqual(outline, model.headings.map((h) => (h.level === 0 ? 1 : h.level)), label);
    assert.doesNotMatch(doc.text, /[\r\uFEFF]/, label);
  }
});
