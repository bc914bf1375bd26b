import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKS } from '../../server/src/service/checks';
import type { Check } from '../../server/src/service/checks/types';
import { createLanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { projectFromFiles } from './projects';

/** A check with a bug: reports one finding, then throws. */
const broken: Check = {
  meta: { id: 'broken-check', defaultSeverity: 'warning' },
  run({ project, report }) {
    const part = project.parts[0];
    report(part.document, { start: 0, end: 1, message: 'before the bug' });
    throw new TypeError('a bug in a check');
  },
};

describe('a check that throws', () => {
  it('keeps the other checks\' diagnostics and its own findings so far, and is reported', () => {
    const { project, documents } = projectFromFiles({ 'welcome.ses.html': '<p>Hi {{name}}</p><img src="logo.png">', 'welcome.data.json': '{}' });
    const errors: Array<[string, unknown]> = [];
    const service = createLanguageService([broken, ...CHECKS], { onCheckError: (id, error) => errors.push([id, error]) });
    const diagnostics = service.validate(project, DEFAULT_SETTINGS).get(documents.get('welcome.ses.html')!.uri) ?? [];
    const codes = new Set(diagnostics.map((d) => d.code));
    assert.ok(codes.has('missing-variable'), [...codes].join(', '));
    assert.ok(codes.has('image-relative-url'));
    assert.ok(codes.has('broken-check'), 'what it reported before throwing is kept');
    assert.equal(errors.length, 1);
    assert.equal(errors[0][0], 'broken-check');
    assert.match(String(errors[0][1]), /a bug in a check/);
  });
});
