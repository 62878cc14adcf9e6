/**
 * Which IP addresses a fetch may connect to. A server-side fetcher that follows user- or feed-supplied URLs must
 * never reach the machine itself, the local network or cloud metadata services (169.254.169.254), so every
 * address a host resolves to is classified here and anything not plainly public is refused.
 *
 * Addresses are parsed by hand rather than matched as strings: the same address has many spellings
 * (`::ffff:127.0.0.1`, `0:0:0:0:0:0:0:1`, `::ffff:7f00:1`), and only the numeric value is unambiguous.
 */
import { isIP } from 'node:net';

/** Why an address is refused, or null when it is a public unicast address. */
export type AddressClass = string | null;

interface Range4 { base: number; bits: number; why: string }

function range4(cidr: string, why: string): Range4 {
  const [addr, bits] = cidr.split('/');
  return { base: parseIPv4Strict(addr!)!, bits: Number(bits), why };
}

// Everything IANA marks as not globally reachable, plus multicast and broadcast.
const BLOCKED_V4: Range4[] = [
  range4('0.0.0.0/8', 'unspecified ("this network")'),
  range4('10.0.0.0/8', 'private'),
  range4('100.64.0.0/10', 'carrier-grade NAT (shared address space)'),
  range4('127.0.0.0/8', 'loopback'),
  range4('169.254.0.0/16', 'link-local (cloud metadata lives here)'),
  range4('172.16.0.0/12', 'private'),
  range4('192.0.0.0/24', 'IETF protocol assignments'),
  range4('192.0.2.0/24', 'documentation (TEST-NET-1)'),
  range4('192.168.0.0/16', 'private'),
  range4('198.18.0.0/15', 'benchmarking'),
  range4('198.51.100.0/24', 'documentation (TEST-NET-2)'),
  range4('203.0.113.0/24', 'documentation (TEST-NET-3)'),
  range4('224.0.0.0/4', 'multicast'),
  range4('240.0.0.0/4', 'reserved (and broadcast)'),
];

/** Dotted-quad IPv4 with four decimal parts only (what dns.lookup and URL parsing hand back); null otherwise. */
export function parseIPv4Strict(s: string): number | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

/**
 * The legacy inet_aton spellings that C resolvers (and so some proxies and tools) still accept: `2130706433`,
 * `0177.0.0.1`, `0x7f.1`, `127.1`. The WHATWG URL parser already rewrites these to dotted quads, but a host
 * given some other way (an injected resolver, a redirect target built by hand) is checked with this too.
 */
export function parseIPv4Legacy(s: string): number | null {
  const parts = s.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const part of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(part)) n = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]*$/.test(part)) n = part.length === 1 ? 0 : parseInt(part.slice(1), 8);
    else if (/^[1-9]\d*$/.test(part)) n = Number(part);
    else return null;
    if (!Number.isFinite(n)) return null;
    nums.push(n);
  }
  // The last part fills all the bytes the earlier parts did not name (a.b.c.d, a.b.16bits, a.24bits, 32bits).
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 256 ** (4 - nums.length)) return null;
  return nums.reduce((acc, n, i) => acc + n * 256 ** (3 - i), 0) + last;
}

function formatIPv4(v: number): string {
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

/** The eight 16-bit groups of an IPv6 address (zone index and brackets allowed), or null. */
export function parseIPv6(s: string): number[] | null {
  let text = s.replace(/^\[|\]$/g, '');
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (isIP(text) !== 6) return null;
  // A dotted IPv4 tail (::ffff:127.0.0.1) is the last two groups written another way.
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIPv4Strict(dotted[1]!);
    if (v4 === null) return null;
    text = `${text.slice(0, dotted.index + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') as [string, string] : [text, null];
  const groups = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = rest === null ? [] : groups(rest);
  const missing = 8 - left.length - right.length;
  if (rest === null && missing !== 0) return null;
  if (missing < 0) return null;
  const all = [...left, ...new Array<number>(rest === null ? 0 : missing).fill(0), ...right];
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? all : null;
}

export function classifyIPv4(v: number): AddressClass {
  for (const r of BLOCKED_V4) {
    const mask = r.bits === 0 ? 0 : (~0 << (32 - r.bits)) >>> 0;
    if (((v & mask) >>> 0) === r.base) return r.why;
  }
  return null;
}

export function classifyIPv6(g: number[]): AddressClass {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = ((g6 << 16) >>> 0) + g7;
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified';
  if (firstFiveZero && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  // Addresses that carry an IPv4 address inside are as unsafe as that address: a dual-stack socket connects to it.
  if (firstFiveZero && g5 === 0xffff) return embeddedWhy('IPv4-mapped', embedded);
  if (firstFiveZero && g5 === 0) return embeddedWhy('IPv4-compatible', embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embeddedWhy('NAT64', embedded);
  if (g0 === 0x2002) return embeddedWhy('6to4', ((g1 << 16) >>> 0) + g2);
  if ((g0 & 0xfe00) === 0xfc00) return 'unique local (private)';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local (private)';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return 'discard-only';
  if (g0 === 0x2001 && g1 === 0xdb8) return 'documentation';
  // Teredo hides the client's IPv4 address obfuscated in the last groups; there is no reason to fetch through it.
  if (g0 === 0x2001 && g1 === 0) return 'Teredo tunnel';
  return null;
}

function embeddedWhy(kind: string, v4: number): AddressClass {
  const why = classifyIPv4(v4);
  return why === null ? null : `${kind} ${formatIPv4(v4)}, ${why}`;
}

/**
 * Why the address `ip` (as dns.lookup returns it, or a literal from a URL) must not be connected to, or null
 * when it is public. Anything that does not parse as an address is refused too: it cannot be checked.
 */
export function blockedReason(ip: string): AddressClass {
  const v4 = parseIPv4Strict(ip) ?? parseIPv4Legacy(ip);
  if (v4 !== null) return classifyIPv4(v4);
  const v6 = parseIPv6(ip);
  if (v6 !== null) return classifyIPv6(v6);
  return 'not an IP address';
}

/** The IP address a URL's host names literally (brackets removed, legacy IPv4 forms read), or null for a name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return bare;
  const v4 = parseIPv4Legacy(bare);
  return v4 === null ? null : formatIPv4(v4);
}
