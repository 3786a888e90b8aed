/** The workspace configuration file's forms: JSON with comments, YAML, and where problems are. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { blankComments, findConfigFile, isConfigFile, parseConfig } from '../../server/src/node/config';
import { ALL_CODES } from '../../server/src/core';
import schema from '../../schemas/report-author-config.schema.json';
import en from '../../package.nls.json';
import zhCn from '../../package.nls.zh-cn.json';

const at = (line: number, character: number) => ({ line, character });

test('JSON with line and block comments, trailing commas, CRLF, tabs and a BOM', () => {
  const text = '\uFEFF{\r\n\t// drafts\r\n\t"severity": { "unfilled-placeholder": "information", /* for\r\n now */ },\r\n\t"templates": { "述职/**/*.md": "duty-report", },\r\n\t"level3Punctuation": "fullwidth",\r\n}\r\n';
  const { config, errors } = parseConfig(text, '/w/.report-author.json');
  assert.deepEqual(errors, []);
  assert.deepEqual(config.options.severity, { 'unfilled-placeholder': 'information' });
  assert.equal(config.options.level3Punctuation, 'fullwidth');
  assert.deepEqual(config.templates, [['述职/**/*.md', 'duty-report']]);
});

test('comments are blanked character for character, line breaks kept, so offsets do not move', () => {
  const text = '{ // a\n  "x": 1 /* b\r\n c */, "u": "// not a comment" }';
  const blank = blankComments(text);
  assert.equal(blank.length, text.length);
  assert.equal(blank, '{     \n  "x": 1     \r\n     , "u": "// not a comment" }');
});

test('a JSON syntax error and a schema error are located on the line and column where they are', () => {
  const syntax = parseConfig('{\n  /* c */ "severity": { "numbering-gap" "off" }\n}\n', '/w/.report-author.json');
  assert.deepEqual(syntax.errors, [{ message: 'Not valid JSON: colon expected', range: { start: at(1, 40), end: at(1, 45) } }]);
  const value = parseConfig('{\n  // c\n  "severity": { "numbering-gap": "loud", },\n}\n', '/w/.report-author.json');
  assert.deepEqual(value.errors.map((e) => [e.message, e.range.start]), [['severity.numbering-gap: must be one of error, warning, information, hint, off', at(2, 33)]]);
  const yaml = parseConfig('severity:\n  # c\n  numbering-gap: loud\n', '/w/.report-author.yaml');
  assert.deepEqual(yaml.errors.map((e) => [e.message, e.range.start]), [['severity.numbering-gap: must be one of error, warning, information, hint, off', at(2, 17)]]);
  // YAML syntax in a .json file is not JSON.
  assert.match(parseConfig('severity:\n  numbering-gap: off\n', '/w/.report-author.json').errors[0]!.message, /^Not valid JSON: /);
});

test('the nearest configuration file: .json, then .yaml, then .yml in one folder; a folder named like one is not one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-author-config-'));
  try {
    fs.mkdirSync(path.join(dir, 'a/b/c'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.report-author.yml'), '{}');
    fs.writeFileSync(path.join(dir, 'a/.report-author.yaml'), '{}');
    fs.mkdirSync(path.join(dir, 'a/b/.report-author.json'));
    assert.equal(findConfigFile(path.join(dir, 'a/b/c')), path.join(dir, 'a/.report-author.yaml'));
    fs.writeFileSync(path.join(dir, 'a/.report-author.json'), '{}');
    assert.equal(findConfigFile(path.join(dir, 'a/b')), path.join(dir, 'a/.report-author.json'));
    assert.equal(findConfigFile(dir), path.join(dir, '.report-author.yml'));
    assert.ok(isConfigFile('/x/.report-author.yaml') && !isConfigFile('/x/report-author.yaml'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the schema describes every code in English and Chinese, as the settings do', () => {
  const severity = (schema as { properties: { severity: { properties: Record<string, { description?: string }> } } }).properties.severity.properties;
  assert.deepEqual(Object.keys(severity).sort(), [...ALL_CODES].sort());
  for (const code of ALL_CODES) {
    const key = `config.severity.${code}` as keyof typeof en;
    assert.equal(severity[code]!.description, `${en[key]} (${(zhCn as Record<string, string>)[key]})`, code);
  }
});
