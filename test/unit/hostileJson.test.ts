import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultRegion, templateSendConfig } from '../../common/cloud/sesConfigFile';
import { configTemplateName, linkedTemplates, templateIdEdits } from '../../common/cloud/templateSync';
import { parseSesConfig } from '../../server/src/service/project/sesConfig';

// ses.config.json nested tens of thousands deep: jsonc-parser recurses once per level and overflows
// the stack. Every reader of the file promises "never throws"; before the fix the server's
// validation, hover and completion of every template under such a config failed with a RangeError
// (found by test/protocol/fuzzLsp.test.ts, seed 13), and the client's commands with it.
const DEEP = [
  ['objects', '{"templates":' + '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000) + '}'],
  ['arrays', '['.repeat(100_000)],
  ['a valid entry followed by deep garbage', '{"templates":{"t":{"templateId":5,"subject":"Hi"}},"x":' + '['.repeat(100_000) + '}'],
] as const;

describe('ses.config.json nested too deep', () => {
  for (const [name, text] of DEEP) {
    it(`the server's parser gives no templates for ${name}`, () => {
      assert.equal(parseSesConfig(text).templates.size, 0);
    });
    it(`the client's readers give nothing for ${name}`, () => {
      assert.equal(templateSendConfig(text, 't').listed, false);
      assert.equal(defaultRegion(text), undefined);
      assert.equal(configTemplateName(text, 't'), undefined);
      assert.deepEqual(linkedTemplates(text), []);
      // Push Template must not write into a file it cannot read.
      assert.equal(templateIdEdits(text, 't', 7), undefined);
    });
  }

  it('a config nested 20 deep (an odd but legal file) is still read', () => {
    const text = '{"templates":{"t":{"templateId":5,"subject":"Hi","x":' + '['.repeat(20) + ']'.repeat(20) + '}}}';
    assert.equal(parseSesConfig(text).templates.get('t')?.templateId, 5);
    assert.equal(templateSendConfig(text, 't').templateId, 5);
  });
});
