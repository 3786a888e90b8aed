/**
 * The template rules schema (schemas/report-template.schema.json) and the built-in templates
 * (templates/*.md): the schema compiles in strict mode and catches typical mistakes; every
 * built-in template's front matter validates, its regular expressions are RE2, and its
 * skeleton body lists the required sections in order. The checker that applies the rules is
 * tested elsewhere; these tests only read the data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { RE2JS } from 're2js';

const ROOT = join(__dirname, '../..');
const SCHEMA_PATH = join(ROOT, 'schemas/report-template.schema.json');
const TEMPLATES = join(ROOT, 'templates');
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, any>;

const EXPECTED_TEMPLATES = [
  'annual-summary',
  'duty-report',
  'gov-info-disclosure-annual',
  'half-year-summary',
  'investigation-report',
  'self-inspection',
  'work-plan',
  'work-points',
];

function compileSchema(): ValidateFunction {
  const ajv = new Ajv({ strict: true, allErrors: true });
  // VS Code's annotation keyword; registering it keeps strict mode on for everything else.
  ajv.addKeyword('markdownDescription');
  return ajv.compile(schema);
}
let cached: ValidateFunction | undefined;
const validator = () => (cached ??= compileSchema());

function errorsOf(data: unknown): string[] {
  const v = validator();
  return v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword} ${e.message ?? ''}`);
}

// ---------------------------------------------------------------------------------------
// The schema itself

test('the schema compiles in ajv with strict mode on', () => {
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajv.addKeyword('markdownDescription');
  assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
  assert.doesNotThrow(() => ajv.compile(schema));
});

test('the schema is draft-07 with the agreed $id and a title', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.$id, 'https://report-author.github.io/schemas/report-template.schema.json');
  assert.equal(typeof schema.title, 'string');
  assert.ok(schema.definitions.rule, 'definitions.rule');
  assert.ok(schema.definitions.scope, 'definitions.scope');
});

test('every object in the schema closes its properties and every property has a description', () => {
  const resolve = (s: any): any => (s && typeof s.$ref === 'string' ? resolve(schema.definitions[s.$ref.replace('#/definitions/', '')]) : s);
  const visit = (node: any, path: string) => {
    if (!node || typeof node !== 'object') return;
    if (node.properties) {
      assert.equal(node.additionalProperties, false, `${path}: additionalProperties must be false`);
      for (const [key, sub] of Object.entries<any>(node.properties)) {
        const described = typeof sub.description === 'string' || typeof resolve(sub)?.description === 'string';
        assert.ok(described, `${path}.properties.${key} has no description`);
      }
    }
    for (const [key, sub] of Object.entries<any>(node)) if (sub && typeof sub === 'object') visit(sub, `${path}.${key}`);
  };
  visit(schema, '#');
});

test('the top level and children scopes share the outline fields; children has nothing else', () => {
  const scopeKeys = Object.keys(schema.definitions.scope.properties).sort();
  assert.deepEqual(scopeKeys, ['maxSections', 'minSections', 'ordered', 'sections', 'unknownSections']);
  for (const k of scopeKeys) assert.ok(schema.properties[k], `top level lacks ${k}`);
  assert.deepEqual(schema.required.slice().sort(), ['id', 'name', 'sections']);
});

// ---------------------------------------------------------------------------------------
// Positive and negative cases: the schema accepts what the format allows and catches mistakes

const minimal = () => ({ id: 'demo', name: '示例报告', sections: [{ id: 'work', title: '主要工作' }] });

test('a minimal template and a full one validate', () => {
  assert.deepEqual(errorsOf(minimal()), []);
  const full = {
    $schema: 'https://report-author.github.io/schemas/report-template.schema.json',
    id: 'full-demo',
    name: '完整示例',
    aliases: ['示例'],
    description: '说明',
    recognize: { title: ['示例$'], fileName: ['示例'] },
    ordered: true,
    unknownSections: 'report',
    minSections: 1,
    maxSections: 5,
    sections: [
      {
        id: 'work',
        title: '主要工作及成效',
        synonyms: ['主要工作'],
        pattern: '^(主要)?工作',
        freeTitle: true,
        required: true,
        repeat: '1..*',
        guidance: '写明做法和成效。',
        skeleton: '[填写]\n',
        minLength: 0,
        maxLength: 5000,
        children: {
          ordered: false,
          unknownSections: 'allow',
          minSections: 0,
          maxSections: 10,
          sections: [{ id: 'item', title: '具体工作', freeTitle: true, required: false, repeat: '0..10' }],
        },
      },
      { id: 'problems', title: '存在问题', repeat: 1, after: ['work'] },
      { id: 'next', title: '下一步打算', required: false, repeat: '0..2' },
    ],
  };
  assert.deepEqual(errorsOf(full), []);
});

const negative: Array<[string, (t: any) => void, RegExp]> = [
  ['an unknown top-level property', (t) => (t.section = []), /additionalProperties/],
  ['a misspelt rule property', (t) => (t.sections[0].requried = true), /\/sections\/0 additionalProperties/],
  ['an unknown property in children', (t) => (t.sections[0].children = { sections: [{ id: 'a', title: 'x' }], id: 'c' }), /children additionalProperties/],
  ['a template field inside children', (t) => (t.sections[0].children = { sections: [{ id: 'a', title: 'x' }], name: '子' }), /children additionalProperties/],
  ['an unknown recognize key', (t) => (t.recognize = { titles: ['x'] }), /recognize additionalProperties/],
  ['an id with upper case', (t) => (t.id = 'Annual'), /\/id pattern/],
  ['an id starting with a digit', (t) => (t.id = '2024-summary'), /\/id pattern/],
  ['an id with an underscore', (t) => (t.id = 'annual_summary'), /\/id pattern/],
  ['a rule id in Chinese', (t) => (t.sections[0].id = '工作'), /\/sections\/0\/id pattern/],
  ['a bad after id', (t) => (t.sections[0].after = ['Work']), /\/after\/0 pattern/],
  ['a repeat with a dash', (t) => (t.sections[0].repeat = '1-3'), /repeat/],
  ['a repeat with words', (t) => (t.sections[0].repeat = 'a..b'), /repeat/],
  ['a repeat with no minimum', (t) => (t.sections[0].repeat = '..3'), /repeat/],
  ['a repeat with spaces', (t) => (t.sections[0].repeat = '1 .. 3'), /repeat/],
  ['a repeat of 0', (t) => (t.sections[0].repeat = 0), /repeat/],
  ['a fractional repeat', (t) => (t.sections[0].repeat = 1.5), /repeat/],
  ['missing sections', (t) => delete t.sections, /required/],
  ['an empty sections list', (t) => (t.sections = []), /minItems/],
  ['children without sections', (t) => (t.sections[0].children = { ordered: false }), /children required/],
  ['children with an empty sections list', (t) => (t.sections[0].children = { sections: [] }), /minItems/],
  ['a rule without a title', (t) => delete t.sections[0].title, /required/],
  ['a rule without an id', (t) => delete t.sections[0].id, /required/],
  ['missing name', (t) => delete t.name, /required/],
  ['an empty name', (t) => (t.name = ''), /minLength/],
  ['unknownSections outside its values', (t) => (t.unknownSections = 'deny'), /enum/],
  ['ordered as a string', (t) => (t.ordered = 'yes'), /type/],
  ['a negative minSections', (t) => (t.minSections = -1), /minimum/],
  ['a fractional maxLength', (t) => (t.sections[0].maxLength = 10.5), /type/],
  ['synonyms as a string', (t) => (t.sections[0].synonyms = '主要工作'), /type/],
  ['an empty pattern', (t) => (t.sections[0].pattern = ''), /minLength/],
  ['a duplicate alias', (t) => (t.aliases = ['年终总结', '年终总结']), /uniqueItems/],
];
for (const [label, mutate, expected] of negative) {
  test(`the schema rejects ${label}`, () => {
    const t = minimal();
    mutate(t);
    const errors = errorsOf(t);
    assert.ok(errors.length > 0, 'accepted');
    assert.ok(errors.some((e) => expected.test(e)), `expected ${expected} among: ${errors.join('; ')}`);
  });
}

// ---------------------------------------------------------------------------------------
// The built-in templates

interface Rule {
  id: string;
  title: string;
  synonyms?: string[];
  pattern?: string;
  required?: boolean;
  after?: string[];
  children?: { sections: Rule[] };
}
interface Template {
  id: string;
  name: string;
  aliases?: string[];
  recognize?: { title?: string[]; fileName?: string[] };
  sections: Rule[];
}

function readTemplate(file: string): { data: Template; body: string } {
  const text = readFileSync(join(TEMPLATES, file), 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  assert.ok(m, `${file}: no YAML front matter`);
  return { data: parseYaml(m[1]!) as Template, body: m[2]! };
}

const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.md')).sort();
const normalize = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');
const allRules = (rules: Rule[]): Rule[] => rules.flatMap((r) => [r, ...allRules(r.children?.sections ?? [])]);
const names = (r: Rule) => [r.title, ...(r.synonyms ?? [])].map(normalize);
const LEVEL1 = /^([一二三四五六七八九十]+)、(.*)$/;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

test('the eight built-in templates are there', () => {
  assert.deepEqual(
    files.map((f) => f.replace(/\.md$/, '')),
    EXPECTED_TEMPLATES,
  );
});

for (const file of files) {
  const id = file.replace(/\.md$/, '');

  test(`${file}: front matter parses and validates against the schema`, () => {
    const { data } = readTemplate(file);
    assert.deepEqual(errorsOf(data), []);
    assert.equal(data.id, id, 'id equals the file name');
    assert.match(data.name, /\p{Script=Han}/u, 'the name is Chinese');
    assert.ok(!(data.aliases ?? []).includes(data.name), 'the name is accepted already; no need to repeat it as an alias');
  });

  test(`${file}: rule ids are unique in the template and every after names a rule`, () => {
    const { data } = readTemplate(file);
    const rules = allRules(data.sections);
    const ids = rules.map((r) => r.id);
    assert.deepEqual(ids.filter((x, i) => ids.indexOf(x) !== i), [], 'duplicate ids');
    for (const r of rules) for (const a of r.after ?? []) assert.ok(ids.includes(a), `${r.id}.after: ${a}`);
  });

  test(`${file}: every pattern and recognize expression compiles in RE2`, () => {
    const { data } = readTemplate(file);
    const regexes = [
      ...allRules(data.sections).flatMap((r) => (r.pattern ? [[`${r.id}.pattern`, r.pattern]] : [])),
      ...(data.recognize?.title ?? []).map((p, i) => [`recognize.title[${i}]`, p]),
      ...(data.recognize?.fileName ?? []).map((p, i) => [`recognize.fileName[${i}]`, p]),
    ];
    assert.ok(data.recognize?.title?.length, 'has title recognition');
    assert.ok(data.recognize?.fileName?.length, 'has file-name recognition');
    for (const [where, p] of regexes) assert.doesNotThrow(() => RE2JS.compile(p!), `${where}: ${p}`);
  });

  test(`${file}: the body has a title, an intro and the required sections in order, numbered without gaps`, () => {
    const { data, body } = readTemplate(file);
    const lines = body.split(/\r?\n/);
    const headings = lines.map((l) => LEVEL1.exec(l.trim())).filter((m): m is RegExpExecArray => m !== null);
    assert.ok(!LEVEL1.test(lines[0]!) && lines[0]!.trim(), 'a title line first');
    const first = lines.findIndex((l) => LEVEL1.test(l));
    assert.ok(lines.slice(1, first).some((l) => l.trim().length > 20), 'an intro paragraph before 一、');
    assert.ok(!lines.some((l) => /^#/.test(l)), 'plain-line headings, no #');
    assert.deepEqual(
      headings.map((m) => m[1]),
      NUMERALS.slice(0, headings.length),
      'numbered 一、二、… without gaps',
    );
    // Each heading is some rule's title or synonym, and the rules come in template order.
    const top = data.sections;
    let last = -1;
    for (const m of headings) {
      const k = top.findIndex((r) => names(r).includes(normalize(m[2]!)));
      assert.ok(k >= 0, `heading ${m[0]} names no rule`);
      assert.ok(k >= last, `heading ${m[0]} is out of the rules' order`);
      last = k;
    }
    for (const r of top.filter((r) => r.required !== false)) {
      assert.equal(headings.filter((m) => names(r).includes(normalize(m[2]!))).length, 1, `required section ${r.title} once`);
    }
    // Every heading is followed by a guidance line.
    lines.forEach((l, i) => {
      if (LEVEL1.test(l) || /^（[一二三四五六七八九十]+）/.test(l)) assert.ok(lines[i + 1]?.trim(), `no guidance line after ${l}`);
    });
  });

  test(`${file}: a rule's skeleton is what the body shows under its heading; prompts are plain [..] slots`, () => {
    const { data, body } = readTemplate(file);
    const lines = body.split(/\r?\n/);
    for (const r of data.sections as Array<Rule & { skeleton?: string }>) {
      if (r.skeleton === undefined) continue;
      const at = lines.findIndex((l) => LEVEL1.exec(l)?.[2] === r.title);
      assert.ok(at >= 0, `${r.id}: heading not in the body`);
      assert.ok(lines.slice(at + 1).join('\n').startsWith(r.skeleton.trimEnd()), `${r.id}: skeleton differs from the body`);
    }
    // No nested brackets, and no [a][b], which Markdown reads as a reference link.
    for (const l of lines) {
      assert.ok(!/\[[^\]]*\[/.test(l), `nested brackets: ${l}`);
      assert.ok(!/\]\[/.test(l), `adjacent slots: ${l}`);
    }
  });
}

// ---------------------------------------------------------------------------------------
// The expressions say what they were written to say (checked on the data with RE2JS)

const templates = new Map(files.map((f) => [f.replace(/\.md$/, ''), readTemplate(f).data]));
const re2 = (p: string) => RE2JS.compile(p);
const matchesAny = (ps: string[] | undefined, s: string) => (ps ?? []).some((p) => re2(p).matcher(s).find());
const rule = (t: string, id: string) => allRules(templates.get(t)!.sections).find((r) => r.id === id)!;
const byPattern = (t: string, id: string, title: string) => re2(rule(t, id).pattern!).matcher(normalize(title)).find();

test('titles are recognised as the right kind, and annual does not take half-year titles', () => {
  const cases: Array<[string, string[]]> = [
    ['**大队2022年工作总结', ['annual-summary']],
    ['[单位名称]2024年度工作总结', ['annual-summary']],
    ['2024年度个人工作总结', ['annual-summary']],
    ['年终总结', ['annual-summary']],
    ['2024年上半年工作总结', ['half-year-summary']],
    ['2024年半年度工作总结', ['half-year-summary']],
    ['2024年度上半年工作总结', ['half-year-summary']],
    ['**镇2024年上半年工作总结及下半年工作打算', ['half-year-summary']],
    ['2024年第一季度工作总结', []],
    ['2024年度述职报告', ['duty-report']],
    ['2024年度述责述廉报告', ['duty-report']],
    ['2025年工作要点', ['work-points']],
    ['某镇2024年政务公开工作要点', ['work-points']],
    ['**总队2025年工作计划', ['work-plan']],
    ['关于开展安全生产大检查的工作方案', ['work-plan']],
    ['关于农村养老服务的调研报告', ['investigation-report']],
    ['关于留守儿童现状的调查报告', ['investigation-report']],
    ['关于办公用房自查情况的报告', ['self-inspection']],
    ['**局财务管理自查自纠报告', ['self-inspection']],
    ['**市人民政府2024年政府信息公开工作年度报告', ['gov-info-disclosure-annual']],
    ['政府工作报告', []],
  ];
  for (const [title, expected] of cases) {
    const byTitle = [...templates].filter(([, t]) => matchesAny(t.recognize?.title, title)).map(([id]) => id);
    const byFile = [...templates].filter(([, t]) => matchesAny(t.recognize?.fileName, title)).map(([id]) => id);
    assert.deepEqual(byTitle, expected, `title ${title}`);
    assert.deepEqual(byFile, expected, `file name ${title}`);
  }
});

test('problems patterns are anchored: a work title that mentions 问题 is not the problems section', () => {
  for (const t of ['annual-summary', 'half-year-summary', 'duty-report']) {
    const p = rule(t, 'problems');
    for (const title of ['存在问题及改进措施', '存在的问题和不足', '困难和问题', '不足之处', '存在的主要问题', '工作中存在的问题']) {
      assert.ok(names(p).includes(normalize(title)) || byPattern(t, 'problems', title), `${t}: ${title}`);
    }
    for (const title of ['聚焦问题整改，推动作风建设持续向好', '问题整改扎实推进', '困难群众帮扶更加精准', '坚持问题导向，狠抓安全隐患整治']) {
      assert.ok(!byPattern(t, 'problems', title) && !names(p).includes(normalize(title)), `${t}: ${title} taken for problems`);
    }
  }
});

test('annual-summary: the work rule takes any title, the next-step rule is optional, 五、存在问题及改进措施 is the problems section', () => {
  const work = rule('annual-summary', 'work') as Rule & { freeTitle?: boolean; repeat?: string };
  assert.equal(work.freeTitle, true);
  assert.notEqual(work.required, false);
  assert.match(String(work.repeat), /^1\.\.(\d+|\*)$/);
  assert.equal(rule('annual-summary', 'next-steps').required, false);
  assert.ok(names(rule('annual-summary', 'problems')).includes(normalize('存在问题及改进措施')));
  assert.notEqual(rule('half-year-summary', 'next-steps').required, false, 'half-year: the plan for the second half is required');
});

test('the government information disclosure report has its six fixed sections, closed and ordered', () => {
  const t = templates.get('gov-info-disclosure-annual')! as Template & Record<string, unknown>;
  assert.deepEqual(
    t.sections.map((r) => r.title),
    ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'],
  );
  assert.equal(t.unknownSections, 'report');
  assert.notEqual(t.ordered, false);
  for (const r of t.sections as Array<Rule & { freeTitle?: boolean }>) {
    assert.notEqual(r.required, false, r.id);
    assert.notEqual(r.freeTitle, true, r.id);
  }
});

test('RE2 rejects what the templates must not use (so the compile test can fail)', () => {
  assert.throws(() => RE2JS.compile('(?<!聚焦)问题'));
  assert.throws(() => RE2JS.compile('(?=存在)问题'));
  assert.throws(() => RE2JS.compile('(问题)\\1'));
});
