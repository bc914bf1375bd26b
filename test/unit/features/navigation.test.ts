import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definition, documentHighlight, references, toLocations } from '../../../server/src/service/features';
import { marked, uriOf } from './fixtures';

/** The « » ranges of the given files, as locations, in the order listed. */
function locations(fixture: ReturnType<typeof marked>, paths: string[]) {
  return paths.flatMap((path) => fixture.ranges(path).map((range) => ({ uri: uriOf(path), range })));
}

describe('definition', () => {
  it('goes from a use to the key in each data set that has it', () => {
    const fixture = marked({
      'welcome.ses.html': '<p>Hello {{«na‸me»}}</p>',
      'welcome.data.json': '{\n  «"name"»: "Alex",\n  "code": "1"\n}',
      'welcome.data.zh.json': '{\n  "code": "2",\n  «"name"»: "小明"\n}',
    });
    const links = definition(fixture.project, fixture.uri, fixture.position);
    assert.ok(links);
    assert.deepEqual(toLocations(links), locations(fixture, ['welcome.data.json', 'welcome.data.zh.json']));
    for (const link of links) assert.deepEqual(link.originSelectionRange, fixture.ranges('welcome.ses.html')[0]);
    assert.deepEqual(links[0].targetRange.end, { line: 1, character: 16 }, 'the target range spans key and value');
  });

  it('goes from the subject to the keys', () => {
    const fixture = marked({ 'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{co‸de}}"}}}', 'welcome.data.json': '{"name": "Alex", «"code"»: 1}' });
    assert.deepEqual(toLocations(definition(fixture.project, fixture.uri, fixture.position) ?? []), locations(fixture, ['welcome.data.json']));
  });

  const none: Array<[string, Record<string, string>]> = [
    ['a variable no data set has', { 'welcome.ses.txt': 'Hi {{oth‸er}}' }],
    ['a data key', { 'welcome.data.json': '{"na‸me": "Alex"}' }],
    ['plain text', { 'welcome.ses.txt': 'H‸i {{name}}' }],
  ];
  for (const [name, files] of none) {
    it(`has no definition for ${name}`, () => {
      const fixture = marked(files);
      assert.equal(definition(fixture.project, fixture.uri, fixture.position), null);
    });
  }
});

describe('references', () => {
  const files = {
    'welcome.ses.html': '<p>Hello {{«name»}}, {{code}} {{«name»}}</p>',
    'welcome.ses.txt': 'Hello {{«name»}}',
    'ses.config.json': '{"templates":{"welcome":{"subject":"Hi {{«name»}}"}}}',
    'welcome.data.json': '{\n  «"name"»: "Alex",\n  "code": 1234\n}\n',
    'welcome.data.zh.json': '{\n  «"name"»: "小明"\n}\n',
  };
  const uses = ['welcome.ses.html', 'welcome.ses.txt', 'ses.config.json'];
  const keys = ['welcome.data.json', 'welcome.data.zh.json'];
  const from: Array<[string, string, string]> = [
    ['a data key', 'welcome.data.zh.json', '{\n  "n‸ame": "小明"\n}\n'],
    ['a use in the html part', 'welcome.ses.html', '<p>Hello {{name}}, {{code}} {{name‸}}</p>'],
    ['the subject', 'ses.config.json', '{"templates":{"welcome":{"subject":"Hi {{‸name}}"}}}'],
  ];
  for (const [name, path, text] of from) {
    it(`from ${name}: every use in the parts and the subject, and the keys with includeDeclaration`, () => {
      const fixture = marked({ ...files, [path]: text.replace(/[«»]/g, '') });
      const expected = marked(files);
      assert.deepEqual(references(fixture.project, fixture.uri, fixture.position, false), locations(expected, uses));
      assert.deepEqual(references(fixture.project, fixture.uri, fixture.position, true), locations(expected, [...uses, ...keys]));
    });
  }

  it('finds nothing outside variables', () => {
    const fixture = marked({ 'welcome.ses.html': '<p‸>{{name}}</p>' });
    assert.equal(references(fixture.project, fixture.uri, fixture.position, true), null);
  });
});

describe('document highlights', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['every use in the same part', { 'welcome.ses.html': '{{«name»}} {{code}} <b title="{{«na‸me»}}">{{«name»}}</b>' }, 'welcome.ses.html'],
    ['uses in the subject only, not other templates in ses.config.json', { 'ses.config.json': '{"templates":{"welcome":{"subject":"{{«name»}} {{«‸name»}}"},"other":{"subject":"{{name}}"}}}' }, 'ses.config.json'],
    ['the key in a data file', { 'welcome.data.json': '{"code": 1, «"‸name"»: "Alex"}' }, 'welcome.data.json'],
  ];
  for (const [name, files, path] of cases) {
    it(name, () => {
      const fixture = marked(files);
      const highlights = documentHighlight(fixture.project, fixture.uri, fixture.position);
      assert.deepEqual(highlights?.map((h) => h.range), fixture.ranges(path));
    });
  }
});
