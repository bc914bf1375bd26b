// Proves the harness against a throwaway extension: node --test test/e2e/smoke.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  editorText, launchBrowser, openFile, openWorkbench, problems, resultsDir, saveEditor, screenshot,
  startCodeServer, typeInEditor, waitFor, waitForOutput,
} from './harness.mjs';

const extensionJs = `
const vscode = require('vscode');
exports.activate = () => {
  vscode.window.createOutputChannel('Smoke').appendLine('smoke activated');
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'a.txt');
  const d = new vscode.Diagnostic(new vscode.Range(1, 2, 1, 7), 'smoke diagnostic', vscode.DiagnosticSeverity.Warning);
  d.source = 'smoke';
  d.code = 'S001';
  vscode.languages.createDiagnosticCollection('smoke').set(uri, [d]);
};
`;

let tmp, server, browser, page;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'smoke-e2e-'));
  const extensionDir = path.join(tmp, 'extension');
  const workspaceDir = path.join(tmp, 'workspace');
  await fs.mkdir(extensionDir);
  await fs.mkdir(workspaceDir);
  await fs.writeFile(path.join(extensionDir, 'package.json'), JSON.stringify({
    name: 'smoke', publisher: 'test', version: '0.0.1', engines: { vscode: '^1.80.0' },
    activationEvents: ['onStartupFinished'], main: './extension.js',
  }));
  await fs.writeFile(path.join(extensionDir, 'extension.js'), extensionJs);
  await fs.writeFile(path.join(workspaceDir, 'a.txt'), 'hello\nworld text\n');
  await fs.mkdir(path.join(workspaceDir, 'sub'));
  await fs.writeFile(path.join(workspaceDir, 'sub/a.txt'), 'nested\n');

  const t0 = Date.now();
  server = await startCodeServer({ extensionDir, workspaceDir });
  browser = await launchBrowser();
  page = await openWorkbench(browser, server.url);
  console.log(`code-server on ${server.url}, workbench ready in ${Date.now() - t0} ms`);
});

after(async () => {
  if (page) await screenshot(page, 'smoke-final').catch(() => {});
  await browser?.close();
  if (server) {
    await fs.mkdir(resultsDir, { recursive: true });
    await fs.writeFile(path.join(resultsDir, 'smoke-code-server.log'), server.logs());
    await server.stop();
  }
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('opens workspace files by relative path', async () => {
  await openFile(page, 'sub/a.txt');
  assert.match(await editorText(page), /^nested/);
  await openFile(page, 'a.txt');
  assert.match(await editorText(page), /^hello\nworld text/);
});

test('the extension activates and writes its output channel', async () => {
  const text = await waitForOutput(page, 'Smoke', 'smoke activated');
  assert.match(text, /smoke activated/);
  assert.match(await server.readLog('Smoke'), /smoke activated/);
  assert.match(await server.readLog('remoteexthost'), /_doActivateExtension test\.smoke/);
  await screenshot(page, 'smoke-output');
});

test('the Problems view lists the extension diagnostic', async () => {
  const markers = await waitFor(async () => {
    const all = await problems(page);
    return all.length ? all : null;
  }, { page, what: 'a marker in the Problems view' });
  assert.deepEqual(markers, [{
    message: 'smoke diagnostic', severity: 'warning', line: 2, col: 3, source: 'smoke', code: 'S001',
    file: path.join(tmp, 'workspace', 'a.txt'),
  }]);
  await screenshot(page, 'smoke-problems');
});

test('waitFor reports what the page showed when it times out', async () => {
  await assert.rejects(waitFor(() => false, { timeout: 300, what: 'nothing', page }),
    /waiting for nothing[\s\S]*--- page text ---[\s\S]*a\.txt/);
});

test('types literally into the editor and saves', async () => {
  await openFile(page, 'a.txt');
  await typeInEditor(page, '{{ name }} ("x") [\n  <p>{{#if a}}\n', { line: 3 });
  await saveEditor(page);
  const saved = await fs.readFile(path.join(tmp, 'workspace', 'a.txt'), 'utf8');
  assert.equal(saved, 'hello\nworld text\n{{ name }} ("x") [\n  <p>{{#if a}}\n');
  await screenshot(page, 'smoke-editor');
});
