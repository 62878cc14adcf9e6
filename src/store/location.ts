/**
 * Where a store lives, from the one string the user gives (`--store`): a file path, `sqlite:PATH`, `file:PATH`
 * (or `file:///abs/path`), and later `postgres://...`.
 */

/** The location names a kind of store this claimline cannot open (yet). */
export class StoreUnsupportedError extends Error {}

export interface StoreLocation {
  kind: 'sqlite';
  file: string;
}

/** `postgres://user:secret@host/db` printed without the password. */
function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, '$1:***@');
}

export function parseStoreLocation(spec: string): StoreLocation {
  const s = spec.trim();
  if (s === '') throw new StoreUnsupportedError('the store location is empty');
  if (/^postgres(ql)?:\/\//i.test(s)) {
    throw new StoreUnsupportedError(`${redact(s)}: PostgreSQL stores are not supported yet; use a SQLite file (--store FILE)`);
  }
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
  if (scheme) throw new StoreUnsupportedError(`${redact(s)}: '${scheme[1]}' stores are not supported; use a SQLite file (--store FILE)`);
  return { kind: 'sqlite', file: s };
}
