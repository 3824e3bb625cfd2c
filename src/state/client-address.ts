import { isIPv6 } from 'node:net';
import { emailKey, normalizeEmail } from '../users/email.js';

/** Counts the IPv4 dotted quad and hex groups of an IPv6 address, for expanding `::`. */
function groupCount(parts: string[]): number {
  return parts.reduce((n, part) => n + (part.includes('.') ? 2 : 1), 0);
}

/** The /64 network of an IPv6 address, written `a:b:c:d::/64`. */
function ipv6Network64(ip: string): string {
  const address = ip.split('%')[0]!;
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - groupCount(headParts) - groupCount(tailParts);
  const groups = [...headParts, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailParts];
  const network = groups
    .slice(0, 4)
    .map((g) => (g.includes('.') ? '0' : parseInt(g, 16).toString(16)));
  return `${network.join(':')}::/64`;
}

/**
 * The unit a per-address limit counts, from Fastify's `request.ip` (which honours TRUST_PROXY):
 * an IPv4 address, or the /64 network of an IPv6 address.
 */
export function limitAddress(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  // One subscriber is usually given a whole /64: counting single IPv6 addresses would let one
  // client rotate through 2^64 of them and never be limited.
  return isIPv6(ip) ? ipv6Network64(ip) : ip;
}

/**
 * What an email address is counted under in rate limits: every spelling of one address (case,
 * Unicode form, spaces) shares one counter, or each variant would get its own allowance.
 */
export function limitEmail(email: string): string {
  return emailKey(normalizeEmail(email) ?? email.trim());
}
