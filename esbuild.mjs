// One bundler, bundles only: dist/client.js runs in the extension host (vscode is provided there),
// dist/server.js is the language server, started as `node dist/server.js --stdio`; dist/cli.js runs its checks
// from the command line.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
  // Chinese text as UTF-8, not \\uXXXX escapes: the l10n-heavy server bundle is ~20% smaller.
  charset: 'utf8',
};

const builds = [
  // jsonc-parser's `main` is a UMD build whose dynamic requires esbuild cannot follow: take its ESM build
  // (both bundles use it: the client reads ses.config.json for test sends).
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], mainFields: ['module', 'main'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', mainFields: ['module', 'main'] },
  // `ses-template-check`, the checks on the command line for CI (README "Checks in CI"): not in the .vsix.
  {
    ...common,
    entryPoints: ['server/src/cli/cli.ts'],
    outfile: 'dist/cli.js',
    mainFields: ['module', 'main'],
    banner: { js: '#!/usr/bin/env node' },
    define: { __SES_CLI_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  },
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  for (const options of builds) {
    const result = await esbuild.build(options);
    const { bytes } = result.metafile.outputs[options.outfile];
    console.log(`${options.outfile}: ${(bytes / 1024).toFixed(1)} KiB`);
  }
}
