// The layout promised by docs/architecture.md: every folder and shared module is named there, and the
// import boundary between client/, server/ and common/ is enforced by the project's own ESLint
// configuration (shown failing on a violating import, not only passing on the current code).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('architecture', () => {
  it('docs/architecture.md names every folder of client/src and server/src and every entry of common/', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const dirs = (dir: string) => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${e.name}/`);
    const wanted = [
      ...dirs('client/src'),
      ...dirs('server/src'),
      ...fs.readdirSync(path.join(ROOT, 'common'), { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)),
      'client/webview/', 'packages/cli/',
    ];
    const missing = wanted.filter((name) => !doc.includes(name));
    assert.deepEqual(missing, [], `docs/architecture.md does not name: ${missing.join(', ')}`);
  });

  describe('the ESLint boundary rule', () => {
    const lint = async (file: string, source: string) => {
      const [result] = await new ESLint({ cwd: ROOT }).lintText(source, { filePath: path.join(ROOT, file) });
      return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
    };

    it('fails a client file that imports server internals', async () => {
      const messages = await lint('client/src/preview/boundaryProbe.ts', "import { jsonNesting } from '../../../server/src/service/project/jsonNesting';\nexport const x = jsonNesting;\n");
      assert.equal(messages.length, 1, JSON.stringify(messages));
      assert.match(messages[0], /The client may not import server internals/);
    });

    it('fails a server file that imports the client, and a common/ file that imports either', async () => {
      assert.match((await lint('server/src/service/boundaryProbe.ts', "import { render } from '../../../client/src/preview/render';\nexport const x = render;\n"))[0] ?? '', /The server may not import the client/);
      assert.match((await lint('common/boundaryProbe.ts', "import { render } from '../client/src/preview/render';\nexport const x = render;\n"))[0] ?? '', /common\/ is shared/);
      assert.match((await lint('common/boundaryProbe.ts', "import { x } from '../server/src/cli/main';\nexport const y = x;\n"))[0] ?? '', /common\/ is shared/);
    });

    it('passes the same code importing through #common/', async () => {
      assert.deepEqual(await lint('client/src/preview/boundaryProbe.ts', "import { substitute } from '#common/substitute';\nexport const x = substitute;\n"), []);
      assert.deepEqual(await lint('server/src/service/boundaryProbe.ts', "import { substitute } from '#common/substitute';\nexport const x = substitute;\n"), []);
    });
  });
});
