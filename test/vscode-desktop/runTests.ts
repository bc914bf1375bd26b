// Runs the suite in a desktop VS Code downloaded by @vscode/test-electron. These machines cannot
// download VS Code, so this is `npm run test:vscode-desktop`, outside `npm test`; the e2e suite in
// test/e2e covers the same ground in code-server here.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.join(__dirname, '..', '..', '..');
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [path.join(root, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (error) {
    console.error('VS Code desktop tests failed:', error);
    process.exit(1);
  }
}

void main();
