// Messages with a name in them are formatted by l10n's formatter, never by String.replace, whose
// replacement patterns (`$``, `$&`, `$'`) would splice other text into the message.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { renderEmail } from '../../client/src/preview/render';

const labels = { noAlt: 'NO ALT', decorative: 'DECORATIVE', missingTooltip: 'no value for {0}.', tooLarge: 'too large: {0} MB of {1} MB' };

describe('the missing-variable tooltip', () => {
  for (const name of ['a$`b', '$`x', 'a$$b', 'a$1b']) {
    it(`shows the name ${name} as written`, () => {
      const { srcdoc } = renderEmail({ html: `<p>{{${name}}}</p>`, text: `{{${name}}}`, data: {}, view: 'html', labels });
      assert.ok(srcdoc.includes(`title="no value for ${name}."`), srcdoc.slice(-200));
      const text = renderEmail({ text: `{{${name}}}`, data: {}, view: 'text', labels }).srcdoc;
      assert.ok(text.includes(`title="no value for ${name}."`), text.slice(-200));
    });
  }
  it('no String.replace of a {0} placeholder is left in the client, the server or the preview script', () => {
    const root = path.join(__dirname, '..', '..', '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|js|mjs)$/.test(entry.name) && /\.replace\(\s*['"`]\{\d\}['"`]\s*,\s*[^(\s]/.test(fs.readFileSync(full, 'utf8'))) offenders.push(path.relative(root, full));
      }
    };
    for (const dir of ['client/src', 'server/src', 'media']) walk(path.join(root, dir));
    assert.deepEqual(offenders, []);
  });
});
