/**
 * Hostile and huge inputs of issue 11, one generator per shape, at two scales: `ci` (small
 * enough for `npm test`) and `full` (the sizes the issue reports). Used by `npm run stress`
 * (tests/stress/run.ts, each shape in a child process with its time and peak memory) and
 * by the unit stress tests (tests/unit/stress-*.test.ts, scaling checks in-process).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';

/** Node has no mkfifo: the coreutils command makes one. */
function mkfifoSync(path: string): void {
  execFileSync('mkfifo', [path]);
}

export type Scale = 'ci' | 'full';

// ----------------------------------------------------------------------------------------
// Text generators (pure).

/** Level-1 sections numbered 一、二、 (the report detection needs two). */
const HEAD = '# 关于工作情况的报告\n\n一、总体情况\n\n正文。\n\n二、主要做法\n\n';

/** `n` un-numbered Markdown headings (the outline levels loop used to spread them into Math.min). */
export function unnumberedHeadings(n: number): string {
  const parts = [HEAD];
  for (let k = 0; k < n; k++) parts.push('## 小标题\n');
  return parts.join('');
}

/** Sibling groups of level-3 headings numbered 1．3．5．…99． (every one after the first a numbering-gap finding). */
export const GROUP = 50;

/**
 * `n` level-3 headings in groups of GROUP under `（一）`…`（九十九）` under `一、`…: markers
 * hold at most two digits, so a huge report is many groups. Fix-all renumbers all but the
 * first heading of each group; a quick fix renumbers one group.
 */
export function gappedHeadings(n: number): string {
  const parts = ['# 关于工作情况的报告\n\n一、总体情况\n\n正文。\n\n'];
  let made = 0;
  for (let top = 2; made < n; top++) {
    parts.push(`${toChinese(top)}、方面\n\n`);
    for (let mid = 1; mid <= 99 && made < n; mid++) {
      parts.push(`（${toChinese(mid)}）事项\n\n`);
      for (let k = 0; k < GROUP && made < n; k++, made++) parts.push(`${2 * k + 1}．事项\n\n正文。\n\n`);
    }
  }
  return parts.join('');
}

/** Edits fix-all makes on gappedHeadings(n). */
export function gappedEdits(n: number): number {
  const full = Math.floor(n / GROUP);
  const rest = n % GROUP;
  return full * (GROUP - 1) + Math.max(0, rest - 1);
}

function toChinese(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n < 10) return d[n]!;
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
}

/** `n` placeholders under one section whose heading is `headingChars` long. */
export function placeholdersUnderLongHeading(n: number, headingChars = 10_000): string {
  const parts = [`# 报告\n\n一、${'很长的标题'.repeat(Math.ceil(headingChars / 5)).slice(0, headingChars)}\n\n`];
  for (let k = 0; k < n; k++) parts.push('完成**次。\n');
  parts.push('\n二、其他\n\n正文。\n');
  return parts.join('');
}

/** One line of `n` repetitions of `unit`, after two sections. */
export function oneLine(unit: string, n: number): string {
  return `${HEAD}${unit.repeat(n)}\n`;
}

/** About `bytes` of random `!`, `[`, `]` and text in one paragraph (seeded). */
export function randomBrackets(bytes: number, seed = 7): string {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: string[] = [HEAD];
  let size = HEAD.length;
  while (size < bytes) {
    const r = rnd();
    out.push(r < 0.3 ? '!' : r < 0.6 ? ']' : r < 0.8 ? '[' : '文');
    size++;
  }
  return out.join('') + '\n';
}

/** Sections after raw HTML that a browser would let swallow the rest. */
export function swallowingHtml(tag: string): string {
  return `${HEAD}${tag}\n\n三、存在问题\n\n问题之后的文字。\n\n四、下步打算\n\n打算之后的文字。\n`;
}

/** A template whose `n` rules have titles that differ only in digits (`工作情况1` …). */
export function digitTitledTemplate(n: number): string {
  const rules = [];
  for (let k = 1; k <= n; k++) rules.push(`  - id: r${k}\n    title: 工作情况${k}\n    required: false`);
  return `---\nid: digits\nname: 数字模板\nsections:\n${rules.join('\n')}\n---\n`;
}

/** `n` un-numbered `## 工作情况` headings: each resembles every rule of digitTitledTemplate. */
export function sameTitleHeadings(n: number, template = './digits.md'): string {
  const parts = [`---\ntemplate: ${template}\n---\n# 报告\n\n`];
  for (let k = 0; k < n; k++) parts.push('## 工作情况\n\n正文。\n\n');
  return parts.join('');
}

/** A template whose front matter runs to `lines` lines (comments and a long description). */
export function longFrontMatterTemplate(lines: number): string {
  const filler = [];
  for (let k = 0; k < lines; k++) filler.push(`# 说明第${k}行`);
  return `---\nid: long\nname: 长模板\n${filler.join('\n')}\nsections:\n  - id: a\n    title: 总体情况\n---\n一、总体情况\n`;
}

/** A companion rules file with more than 50 alias uses (the YAML library's alias-bomb guard). */
export function aliasBombRules(uses = 60): string {
  return `id: bomb\nname: 炸弹\nx: &x [a, b]\ny: [${new Array(uses).fill('*x').join(', ')}]\nsections:\n  - id: a\n    title: 总体情况\n`;
}

/** A glob that backtracks exponentially in a regex engine, and a 38-character file name it almost matches. */
export const EXPONENTIAL_GLOB = `**/${'*a'.repeat(18)}*b.md`;
export const ALMOST_MATCHING_FILE = `${'a'.repeat(35)}.md`;

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

// ----------------------------------------------------------------------------------------
// Shapes: files on disk and what to run on them.

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Prepared {
  /** `cli`: dist/cli.js with `args` in `dir`; `engine`: tests/stress/engine.ts `<shape> <scale>`. */
  kind: 'cli' | 'engine';
  args: string[];
  /** Input size, for the time budget of 2 s + 1 s per MB. */
  bytes: number;
  /** A problem with the outcome, or null. */
  check(out: Outcome): string | null;
}

export interface Shape {
  name: string;
  /** The item (`D`: its "Done when"), and the branch that fixes it (`i9`: placeholder reading). */
  item: string;
  owner: 'i11' | 'i9';
  prepare(dir: string, scale: Scale): Prepared;
}

const pick = (scale: Scale, ci: number, full: number) => (scale === 'ci' ? ci : full);

/** The text output's summary line, `1 file: 0 errors, 3 warnings, 12 placeholders`. */
function summary(out: Outcome): { files: number; placeholders: number } | null {
  const m = /(\d+) files?: \d+ errors?, \d+ warnings?, (\d+) placeholders?\s*$/.exec(out.stdout);
  return m ? { files: Number(m[1]), placeholders: Number(m[2]) } : null;
}

/** Findings of the text output with this code. */
function findings(out: Outcome, code: string): string[] {
  return out.stdout.split('\n').filter((l) => l.includes(` ${code} `));
}

const checked = (out: Outcome) => (summary(out)?.files === 1 ? null : `no summary of one checked file: ${out.stdout.slice(-200)} ${out.stderr.slice(0, 200)}`);

function noCrash(out: Outcome): string | null {
  if (/internal error|Maximum call stack|heap out of memory|Excessive alias/i.test(out.stderr) && !/Not valid YAML/.test(out.stderr)) return `crashed: ${out.stderr.slice(0, 300)}`;
  if (out.code === null || out.code > 2) return `exit ${out.code}: ${out.stderr.slice(0, 300)}`;
  return null;
}

/** The CLI on one file, default (text) output: what a user runs, and no 100 MB JSON to time. */
function cliFile(dir: string, name: string, text: string, check: (out: Outcome) => string | null, extra: string[] = []): Prepared {
  writeFileSync(`${dir}/${name}`, text);
  return { kind: 'cli', args: [...extra, name], bytes: utf8Bytes(text), check: (out) => noCrash(out) ?? check(out) };
}

function hasPlaceholders(min: number) {
  return (out: Outcome) => {
    const n = summary(out)?.placeholders ?? -1;
    return n >= min ? null : `${n} placeholders, expected at least ${min}`;
  };
}

function exportKeeps(texts: string[]) {
  return (out: Outcome) => {
    const missing = texts.filter((t) => !out.stdout.includes(t));
    return missing.length ? `the exported page lost: ${missing.join(', ')}` : null;
  };
}

function engine(name: string, scale: Scale, bytes: number): Prepared {
  return {
    kind: 'engine',
    args: [name, scale],
    bytes,
    check: (out) => {
      if (out.code !== 0) return `exit ${out.code}: ${out.stderr.slice(0, 300)}`;
      const last = out.stdout.trim().split('\n').pop() ?? '';
      try {
        const r = JSON.parse(last) as { problem?: string | null };
        return r.problem ?? null;
      } catch {
        return `no result line: ${out.stdout.slice(0, 200)} ${out.stderr.slice(0, 200)}`;
      }
    },
  };
}

export const SHAPES: Shape[] = [
  {
    name: 'template alias bomb (companion rules file)',
    item: '1',
    owner: 'i11',
    prepare(dir) {
      writeFileSync(`${dir}/bomb.md`, '一、总体情况\n');
      writeFileSync(`${dir}/bomb.template.yaml`, aliasBombRules());
      const text = `---\ntemplate: ./bomb.md\n---\n${HEAD}`;
      // The CLI names an unreadable template as an input error (exit 2) and goes on.
      return cliFile(dir, 'report.md', text, (out) =>
        /bomb\.md:1:1: Not valid YAML: Excessive alias count/.test(out.stderr) && out.code === 2 ? null : `expected a YAML finding on the template, got ${out.code} ${out.stderr.slice(0, 300)}`,
      );
    },
  },
  {
    name: 'placeholder line **1**1…',
    item: '2',
    owner: 'i9',
    prepare: (dir, scale) => cliFile(dir, 'stars.md', oneLine('**1', pick(scale, 5_000, 100_000)), hasPlaceholders(1)),
  },
  {
    name: 'placeholder line xx××…',
    item: '2',
    owner: 'i9',
    prepare: (dir, scale) => cliFile(dir, 'masks.md', oneLine('xx××', pick(scale, 5_000, 100_000)), hasPlaceholders(1)),
  },
  {
    name: 'placeholder line xx2…',
    item: '2',
    owner: 'i9',
    prepare: (dir, scale) => cliFile(dir, 'xx2.md', oneLine('xx2', pick(scale, 5_000, 100_000)), () => null),
  },
  {
    name: 'placeholders request under a 10 KB heading (server)',
    item: '3',
    owner: 'i11',
    prepare: (_dir, scale) => engine('placeholders-request', scale, utf8Bytes(placeholdersUnderLongHeading(pick(scale, 2_000, 50_000)))),
  },
  {
    name: '(Done when) a small report answered within 1 s while 150k headings are analysed (server)',
    item: 'D',
    owner: 'i11',
    prepare: (_dir, scale) => engine('busy-server', scale, utf8Bytes(unnumberedHeadings(pick(scale, 30_000, 150_000)))),
  },
  {
    name: 'special files: FIFO, /dev/zero, loops, dangling links, directory x.md (CLI glob and templates folder)',
    item: '4',
    owner: 'i11',
    prepare(dir) {
      mkdirSync(`${dir}/tpl`);
      writeFileSync(`${dir}/ok.md`, HEAD);
      writeFileSync(`${dir}/.report-author.json`, JSON.stringify({ templatesFolder: 'tpl' }));
      for (const d of [dir, `${dir}/tpl`]) {
        mkfifoSync(`${d}/fifo.md`);
        symlinkSync('/dev/zero', `${d}/zero.md`);
        symlinkSync('loop2.md', `${d}/loop1.md`);
        symlinkSync('loop1.md', `${d}/loop2.md`);
        symlinkSync('nowhere.md', `${d}/dangling.md`);
        mkdirSync(`${d}/dir.md`);
      }
      return {
        kind: 'cli',
        // A folder named outright is a folder input (the Markdown files below it): `dir.md` has none.
        args: ['*.md', 'fifo.md', 'loop1.md', 'dangling.md', 'dir.md'],
        bytes: HEAD.length,
        check(out) {
          const crash = noCrash(out);
          if (crash) return crash;
          const expected = [/fifo\.md: not a regular file/, /zero\.md: not a regular file/, /loop1\.md: a symbolic link that loops/, /dangling\.md: a symbolic link to a file that does not exist/, /dir\.md: no Markdown files in this folder/, /tpl\/zero\.md/];
          const missing = expected.filter((re) => !re.test(out.stderr));
          return missing.length ? `missing messages ${missing.join(' ')} in ${out.stderr.slice(0, 500)}` : out.code === 2 ? null : `exit ${out.code}, expected 2`;
        },
      };
    },
  },
  {
    name: 'quick fix at one heading among gapped headings (5k / 20k)',
    item: '5',
    owner: 'i11',
    prepare: (_dir, scale) => engine('code-actions', scale, utf8Bytes(gappedHeadings(pick(scale, 2_000, 20_000)))),
  },
  {
    name: 'completion among 200k headings',
    item: '5',
    owner: 'i11',
    prepare: (_dir, scale) => engine('completion', scale, utf8Bytes(gappedHeadings(pick(scale, 5_000, 200_000)))),
  },
  {
    name: '150k un-numbered headings',
    item: '6',
    owner: 'i11',
    prepare: (dir, scale) =>
      cliFile(dir, 'unnumbered.md', unnumberedHeadings(pick(scale, 20_000, 150_000)), (out) => checked(out)),
  },
  {
    name: '150k full-width ＊ runs on one line',
    item: '6',
    owner: 'i9',
    prepare: (dir, scale) => cliFile(dir, 'fullwidth.md', oneLine('＊次，', pick(scale, 20_000, 150_000)), hasPlaceholders(1)),
  },
  {
    name: '150k ambiguous emphasis pairs on one line',
    item: '6',
    owner: 'i9',
    prepare: (dir, scale) => cliFile(dir, 'pairs.md', oneLine('a**次**b ', pick(scale, 20_000, 150_000)), (out) => checked(out)),
  },
  {
    name: 'export: 20k placeholders on one line (chips)',
    item: '7',
    owner: 'i9',
    prepare: (dir, scale) => cliFile(dir, 'chips20k.md', oneLine('完成**次，', pick(scale, 2_000, 20_000)), exportKeeps(['完成']), ['--export', 'html']),
  },
  {
    name: 'export: 150k placeholders on one line (chips)',
    item: '7',
    owner: 'i9',
    prepare: (dir, scale) => cliFile(dir, 'chips150k.md', oneLine('完成**次，', pick(scale, 10_000, 150_000)), exportKeeps(['完成']), ['--export', 'html']),
  },
  {
    name: 'export: 64 KB of random ! [ ]',
    item: '7',
    owner: 'i11',
    prepare: (dir, scale) => cliFile(dir, 'brackets.md', randomBrackets(pick(scale, 16_384, 65_536)), exportKeeps(['主要做法']), ['--export', 'html']),
  },
  ...['<plaintext>', '<xmp>', '<select>', '<textarea>', '<title>', '<style>'].map(
    (tag): Shape => ({
      name: `export: ${tag} keeps the sections after it`,
      item: '7',
      owner: 'i11',
      prepare: (dir) => cliFile(dir, 'html.md', swallowingHtml(tag), exportKeeps(['问题之后的文字', '打算之后的文字', '下步打算']), ['--export', 'html']),
    }),
  ),
  {
    name: 'export: 20,000 nested quotes and 20,000 nested HTML elements',
    item: '7',
    owner: 'i11',
    prepare: (dir, scale) => {
      const n = pick(scale, 2_000, 20_000);
      const text = `${HEAD}${'> '.repeat(n)}引文之后\n\n${'<div>'.repeat(n)}嵌套之后${'</div>'.repeat(n)}\n\n三、最后一节\n`;
      return cliFile(dir, 'deep.md', text, exportKeeps(['引文之后', '嵌套之后', '最后一节']), ['--export', 'html']);
    },
  },
  {
    name: 'Word export: 20,000 nested quotes and HTML elements, and 20k placeholders on one line',
    item: '7',
    owner: 'i11',
    prepare: (dir, scale) => {
      const n = pick(scale, 2_000, 20_000);
      const text = `${HEAD}${'> '.repeat(n)}引文之后\n\n${'<div>'.repeat(n)}嵌套之后${'</div>'.repeat(n)}\n\n${'完成**次，'.repeat(pick(scale, 2_000, 20_000))}\n`;
      return cliFile(dir, 'deep.md', text, (out) => (/Wrote .*deep\.docx/.test(out.stderr) ? null : `not written: ${out.stderr.slice(0, 200)}`), ['--export', 'docx', '-o', 'deep.docx']);
    },
  },
  {
    name: 'exponential glob in .report-author.json against a 38-character name',
    item: '8',
    owner: 'i11',
    prepare(dir) {
      writeFileSync(`${dir}/.report-author.json`, JSON.stringify({ templates: { [EXPONENTIAL_GLOB]: 'annual-summary' } }));
      return cliFile(dir, ALMOST_MATCHING_FILE, HEAD, (out) => checked(out));
    },
  },
  {
    name: 'exponential glob on the command line against a 38-character name',
    item: '8',
    owner: 'i11',
    prepare(dir) {
      writeFileSync(`${dir}/${ALMOST_MATCHING_FILE}`, HEAD);
      writeFileSync(`${dir}/ok.md`, HEAD);
      const glob = EXPONENTIAL_GLOB.replace('**/', '');
      return {
        kind: 'cli',
        args: [glob, 'ok.md'],
        bytes: HEAD.length,
        check: (out) => noCrash(out) ?? checked(out) ?? (out.stderr.includes(`No files match the pattern ${glob}`) ? null : `expected no match: ${out.stderr.slice(0, 200)}`),
      };
    },
  },
  {
    name: 'titles differing only in digits: at most one duplicate-section per heading',
    item: '9',
    owner: 'i11',
    prepare(dir, scale) {
      const headings = pick(scale, 200, 1_000);
      writeFileSync(`${dir}/digits.md`, digitTitledTemplate(pick(scale, 100, 400)));
      return cliFile(dir, 'same.md', sameTitleHeadings(headings), (out) => {
        const n = findings(out, 'duplicate-section').length;
        return checked(out) ?? (n <= headings ? null : `${n} duplicate-section findings for ${headings} headings`);
      });
    },
  },
  {
    name: 'template front matter of 2,500 lines',
    item: '9',
    owner: 'i11',
    prepare(dir, scale) {
      writeFileSync(`${dir}/long.md`, longFrontMatterTemplate(pick(scale, 2_500, 2_500)));
      return cliFile(dir, 'report.md', `---\ntemplate: ./long.md\n---\n${HEAD}`, (out) => {
        const bad = [...findings(out, 'template-invalid'), ...findings(out, 'unknown-template')];
        return checked(out) ?? (bad.length || out.code === 2 ? `template not read: ${bad[0] ?? out.stderr.slice(0, 200)}` : null);
      });
    },
  },
];
