/**
 * Where a store lives, from the one string the user gives (`--store`): a file path, `sqlite:PATH`, `file:PATH`
 * (or `file:///abs/path`), or a PostgreSQL URL (`postgres://` or `postgresql://`, optionally `?schema=NAME`).
 */

/** The location names a kind of store this claimline cannot open (yet). */
export class StoreUnsupportedError extends Error {}

export type StoreLocation =
  | { kind: 'sqlite'; file: string }
  /** `url` as given, password included: pass it to the store, never print it (see `redactLocation`). */
  | { kind: 'postgres'; url: string };

/** `postgres://user:secret@host/db` printed without the password (also `?password=`). */
export function redactLocation(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, '$1:***@').replace(/([?&]password=)[^&]*/i, '$1***');
}

export function parseStoreLocation(spec: string): StoreLocation {
  const s = spec.trim();
  if (s === '') throw new StoreUnsupportedError('the store location is empty');
  if (/^postgres(ql)?:\/\//i.test(s)) return { kind: 'postgres', url: s };
  const prefixed = /^(sqlite3?|file):(.*)$/i.exec(s);
  if (prefixed) {
    let rest = prefixed[2]!;
    // file:///abs/path and sqlite:///abs/path keep the absolute path; sqlite://rel/path is relative.
    if (rest.startsWith('///')) rest = rest.slice(2);
    else if (rest.startsWith('//')) rest = rest.slice(2);
    rest = rest.replace(/\?.*$/, '');
    if (rest === '') throw new StoreUnsupportedError(`${s}: no file named after '${prefixed[1]}:'`);
    return { kind: 'sqlite', file: decodeURIComponent(rest) };
  }
  // A Windows drive letter (C:\...) is a path, not a scheme.
  const scheme = /^([a-z][a-z0-9+.-]+):\/\//i.exec(s);
  if (scheme) throw new StoreUnsupportedError(`${redactLocation(s)}: '${scheme[1]}' stores are not supported; use a SQLite file `
    + '(--store FILE) or a PostgreSQL URL (--store postgres://user@host/database)');
  return { kind: 'sqlite', file: s };
}
