/** A web server over a real SQLite store in a temp dir, on an ephemeral port, for the web tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnalysisOut } from '../src/model/format.js';
import { openStore } from '../src/store/open.js';
import { updateStoreCorpus } from '../src/store/corpus-state.js';
import type { Store } from '../src/store/store.js';
import { startServer, type ServeOptions, type WebServer } from '../src/web/server.js';

export interface TestServer { web: WebServer; store: Store; dir: string; stop(): Promise<void> }

export async function serveAnalyses(analyses: AnalysisOut[], opts: ServeOptions = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimline-web-'));
  const store = await openStore(path.join(dir, 'web.db'));
  for (const a of analyses) await store.ingest(a);
  await updateStoreCorpus(store);
  const web = await startServer(store, { port: 0, log: () => {}, ...opts });
  return {
    web, store, dir,
    stop: async () => { await web.close(); await store.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

export async function get(base: string, p: string, headers: Record<string, string> = {}) {
  const r = await fetch(base + p, { headers, redirect: 'manual' });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

/** One path segment for an id, as the app writes them. */
export const seg = (id: string) => encodeURIComponent(id).replace(/\./g, '%2E');
