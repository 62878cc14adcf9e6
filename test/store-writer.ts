/**
 * A child process for the store's concurrency tests: ingests `count` copies of a hand-written analysis, with ids
 * `<prefix>-<i>`, into one store, optionally pausing between documents, updating the corpus state every 50
 * documents and at the end (as each `claimline ingest` run does), and prints what each ingest did.
 * Writers given one prefix ingest the same ids: each document must then be stored once, whoever gets there first.
 * Usage: node dist/test/store-writer.js STORE PREFIX COUNT [PAUSE_MS]   (STORE: a SQLite file or postgres:// URL)
 */
import { openStore, updateStoreCorpus } from '../src/store/index.js';
import { bergAnalysis } from './store-fixtures.js';

const [file, prefix, count, pauseMs] = process.argv.slice(2);
if (!file || !prefix || !count) {
  process.stderr.write('usage: store-writer STORE PREFIX COUNT [PAUSE_MS]\n');
  process.exit(2);
}
const store = await openStore(file);
const statuses: Record<string, number> = {};
for (let i = 0; i < Number(count); i++) {
  const a = bergAnalysis();
  a.document.id = `${prefix}-${i}`;
  const { status } = await store.ingest(a);
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (i % 50 === 49) await updateStoreCorpus(store);
  if (pauseMs) await new Promise((r) => setTimeout(r, Number(pauseMs)));
}
await updateStoreCorpus(store);
await store.close();
process.stdout.write(JSON.stringify(statuses) + '\n');
