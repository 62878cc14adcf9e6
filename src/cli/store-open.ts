/** Opens the default store for a CLI command, turning "not a claimline database" and I/O errors into one line. */
import { SqliteStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { RunContext } from './context.js';

export async function openStore(file: string, ctx: RunContext): Promise<Store | null> {
  try {
    return SqliteStore.open(file);
  } catch (e) {
    ctx.stderr.write(`claimline: ${file}: cannot open the database: ${(e as Error).message}\n`);
    return null;
  }
}
