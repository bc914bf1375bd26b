// One hostile template must not stall the server for the others: with template A holding the
// worst-case inputs of every scanner (test/unit/linearTime.ts), a hover on template B answers within
// a second. Before the placeholder pattern was made linear, a 3 KB A blocked B's hover for 8 s.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { HOSTILE } from '../unit/linearTime';
import { stdioClient, type TestClient } from './testClient';

describe('a hostile template does not stall hovers on another', () => {
  let client: TestClient;
  let dir: string;
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).toString();
  const b = '<p>Hello {{name}}</p>\n';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-hostile-'));
    fs.writeFileSync(path.join(dir, 'b.ses.html'), b);
    fs.writeFileSync(path.join(dir, 'b.data.json'), '{ "name": "Ann" }');
    fs.writeFileSync(path.join(dir, 'a.data.json'), '{ "a": "x" }');
    ({ client } = stdioClient());
    await client.initialize('en', pathToFileURL(dir).toString());
    await client.open(uri('b.ses.html'), b);
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Each family at 3 KB, as in the review (a 3 KB `{{` + spaces blocked B for 8 s), one template each
  // and all of them together.
  const families = [...HOSTILE.map((f) => [f.label, f.build(3000)] as const), ['all families together', HOSTILE.map((f) => f.build(3000)).join('\n')] as const];
  for (const [label, hostile] of families) {
    it(`answers a hover on B within 1 s while A holds: ${label}`, async () => {
      const validatedA = client.open(uri('a.ses.html'), hostile);
      // Past A's validation delay (150 ms): A's checks are running or done when B's hover arrives.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const start = performance.now();
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('b.ses.html') }, position: { line: 0, character: 12 } });
      const elapsed = performance.now() - start;
      assert.match((hover?.contents as MarkupContent).value, /Ann/);
      assert.ok(elapsed < 1000, `hover took ${elapsed.toFixed(0)} ms`);
      await validatedA;
      await client.close(uri('a.ses.html'));
    });
  }
});
