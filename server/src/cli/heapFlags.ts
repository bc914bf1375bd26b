// Imported first by cli.ts, so that it runs before the checks allocate anything.
import * as v8 from 'node:v8';

/**
 * The old generation grows by 40% per full collection instead of V8's default (up to 4× when
 * collections are cheap): checking 2,000 templates reached ~200 MB peak RSS, nearly all of it garbage
 * never collected before exit, and ~160 MB with this, for the same CPU time (`npm run bench`, section
 * 4). A bin cannot pass Node flags itself (`#!/usr/bin/env node` takes none everywhere), so it is set
 * here; V8 reads this flag at each collection, so setting it after start-up takes effect.
 */
v8.setFlagsFromString('--heap-growing-percent=40');
