import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CHECKS } from '../../server/src/service/checks';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json'));
const settings: Record<string, unknown> = manifest.contributes.configuration.properties;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The first argument of every `l10n.t('…')` call: a single- or double-quoted literal. */
function runtimeStrings(): string[] {
  const strings: string[] = [];
  for (const file of [...sourceFiles('client/src'), ...sourceFiles('server/src')]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/l10n\.t\(\s*('(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")/g)) {
      strings.push(JSON.parse(match[1][0] === "'" ? '"' + match[1].slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"') + '"' : match[1]));
    }
  }
  return strings;
}

describe('localisation and manifest', () => {
  it('has a Simplified Chinese translation for every runtime string, and no stale ones', () => {
    const strings = runtimeStrings();
    assert.ok(strings.length >= 10, `found only ${strings.length} l10n.t calls`);
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));
    assert.deepEqual(strings.filter((s) => !(s in bundle)), [], 'strings without a zh-cn translation');
    assert.deepEqual(Object.keys(bundle).filter((key) => !strings.includes(key)), [], 'translations of strings no longer used');
    for (const [english, chinese] of Object.entries<string>(bundle)) {
      const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(placeholders(chinese), placeholders(english), `placeholders of "${english}"`);
    }
  });

  it('has every manifest string in English and Chinese', () => {
    const used = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]).sort();
    const en = JSON.parse(read('package.nls.json'));
    const zh = JSON.parse(read('package.nls.zh-cn.json'));
    assert.deepEqual(Object.keys(en).sort(), used);
    assert.deepEqual(Object.keys(zh).sort(), used);
  });

  it('has a severity setting for every registered check, and no other', () => {
    const checkSettings = Object.keys(settings).filter((key) => key.startsWith('sesStudio.checks.')).sort();
    assert.deepEqual(checkSettings, CHECKS.map((check) => `sesStudio.checks.${check.meta.id}`).sort());
    for (const check of CHECKS) {
      const setting = settings[`sesStudio.checks.${check.meta.id}`] as { default: string };
      assert.equal(setting.default, check.meta.defaultSeverity, check.meta.id);
    }
  });

  it('registers every contributed command in the client command table', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    const table = read('client/src/commands/index.ts');
    for (const id of contributed) assert.ok(table.includes(`'${id}'`), `${id} has no handler`);
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'SES');
  });

  it('documents every setting in docs/settings.md (generated, see docsReference.test.ts)', () => {
    const reference = read('docs/settings.md');
    for (const key of Object.keys(settings)) assert.ok(reference.includes(`\n## ${key}\n`) || reference.includes(`[\`${key}\`]`), `${key} missing from docs/settings.md`);
  });
});
