// Regenerates server/src/service/clientSupport/caniemail.json, the precompiled client-support data of
// the `client-support` check, from the `caniemail` npm package (MIT, © Avi Goldman, Andrew Powell).
// The version is pinned here with the registry's integrity hash; the package is fetched with `npm pack`
// (the tarball only: its own dependencies are not needed, only data/caniemail.json is read).
//
//   node scripts/caniemail.mjs            fetch the pinned version and write the compact file
//   node scripts/caniemail.mjs <file>     the same from a caniemail.json already on disk
//
// The compact file keeps, for each feature and each client (family + platform), the result of the
// newest version tested and the notes that result refers to: what the check and its hover read.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const VERSION = '2.0.2';
export const INTEGRITY = 'sha512-lvhn4RrF2Ae3PQA3HMOVGxFPqPAxfv8HWp+xUSqJPumbzFUzQGVgFG0nl8s0sjSoBd2PgmAqB5xRF0wcPbrVcA==';
const OUT = 'server/src/service/clientSupport/caniemail.json';

function fetchData() {
  const dir = mkdtempSync(join(tmpdir(), 'caniemail-'));
  try {
    execFileSync('npm', ['pack', `caniemail@${VERSION}`, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = join(dir, `caniemail-${VERSION}.tgz`);
    const integrity = 'sha512-' + createHash('sha512').update(readFileSync(tarball)).digest('base64');
    if (integrity !== INTEGRITY) throw new Error(`caniemail ${VERSION}: integrity ${integrity}, expected ${INTEGRITY}`);
    execFileSync('tar', ['xzf', tarball, '-C', dir, 'package/data/caniemail.json']);
    return readFileSync(join(dir, 'package/data/caniemail.json'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The compact form (see the header). Pure, so that a test can run it on a small input. */
export function compact(raw) {
  const families = raw.nicenames.family;
  const platforms = raw.nicenames.platform;
  const clients = {};
  const features = {};
  for (const entry of raw.data) {
    const stats = {};
    const notes = {};
    for (const [family, byPlatform] of Object.entries(entry.stats ?? {})) {
      for (const [platform, byVersion] of Object.entries(byPlatform)) {
        const versions = Object.keys(byVersion);
        if (versions.length === 0) continue;
        const id = `${family}-${platform}`;
        clients[id] ??= { family, platform };
        const value = String(byVersion[versions[versions.length - 1]]).trim();
        stats[id] = value;
        for (const ref of value.split(' ').slice(1)) {
          const num = ref.startsWith('#') ? ref.slice(1) : '';
          const note = entry.notes_by_num?.[num];
          if (typeof note === 'string') notes[num] = note;
        }
      }
    }
    features[entry.slug] = { title: entry.title, url: entry.url, category: entry.category, lastTest: entry.last_test_date ?? null, stats, ...(Object.keys(notes).length > 0 ? { notes } : {}) };
  }
  // Each feature's results as one string, in the order of `clients` ('' where the client was not tested):
  // a third of the size of an object per feature.
  const ids = Object.keys(clients);
  for (const feature of Object.values(features)) feature.stats = ids.map((id) => feature.stats[id] ?? '').join('|');
  return {
    source: `caniemail ${VERSION} (npm, MIT licence: Copyright (c) Avi Goldman, Copyright (c) Andrew Powell); data of caniemail.com`,
    version: VERSION,
    date: String(raw.last_update_date).slice(0, 10),
    families,
    platforms,
    clients: ids.map((id) => ({ id, ...clients[id] })),
    features,
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop())) {
  const text = process.argv[2] ? readFileSync(process.argv[2], 'utf8') : fetchData();
  writeFileSync(OUT, JSON.stringify(compact(JSON.parse(text))) + '\n');
  console.log(`wrote ${OUT}`);
}
