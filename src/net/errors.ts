/**
 * One error per URL, saying which URL and why, so a run over many URLs (a feed's items, a watch list) can
 * report each failure and go on. Two classes because callers treat them differently: a refusal is a policy
 * decision that no retry will change; a failure may be temporary (`retryable`).
 */

export abstract class FetchError extends Error {
  constructor(
    /** The URL the caller asked for (redirects are named in `reason`). */
    readonly url: string,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** The URL was not fetched because policy forbids it: a non-http(s) scheme, or a host on a private address. */
export class FetchRefused extends FetchError {
  override readonly name = 'FetchRefused';
  readonly retryable = false;

  constructor(url: string, reason: string) {
    super(url, reason, `refused ${url}: ${reason}`);
  }
}

/** The fetch was tried and did not give a usable response: network error, timeout, too large, HTTP error. */
export class FetchFailed extends FetchError {
  override readonly name = 'FetchFailed';

  constructor(
    url: string,
    reason: string,
    /** True when trying again later may succeed (timeouts, network errors, HTTP 5xx and 429). */
    readonly retryable: boolean,
    /** The HTTP status when the failure is an HTTP error status. */
    readonly status?: number,
  ) {
    super(url, reason, `cannot fetch ${url}: ${reason}`);
  }
}

/** A FetchFailed for an HTTP error status; 5xx, 408 and 429 are worth retrying, other 4xx are not. */
export function httpStatusError(url: string, status: number, finalUrl: string): FetchFailed {
  const where = finalUrl === url ? '' : ` (at ${finalUrl})`;
  return new FetchFailed(url, `HTTP ${status}${where}`, status >= 500 || status === 408 || status === 429, status);
}

/**
 * The reason line for a failed URL, for printing beside the URL (`claimline: URL: reason`): says whether it was
 * refused or failed, and for refused addresses how to opt in.
 */
export function describeFetchError(e: unknown): string {
  if (e instanceof FetchRefused) {
    const hint = /resolves to|which is/.test(e.reason) ? '; --allow-private-addresses lets them through (unsafe)' : '';
    return `refused: ${e.reason}${hint}`;
  }
  if (e instanceof FetchError) return `fetch failed: ${e.reason}`;
  return `fetch failed: ${(e as Error).message}`;
}
