import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may never reach: a URL chosen by an admin token must not become a way into
 * the network Gatehouse runs in (server-side request forgery).
 */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64 (embeds IPv4)
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');

/** True when `address` (IPv4 or IPv6 text) is in a range webhooks must not reach. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return FORBIDDEN.check(address, 'ipv4');
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // IPv4-mapped (::ffff:10.0.0.1) and IPv4-compatible forms are judged as the IPv4 they carry.
  const mapped = /^::(ffff:(0:)?)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return FORBIDDEN.check(mapped[3]!, 'ipv4');
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hexMapped) {
    const high = parseInt(hexMapped[1]!, 16);
    const low = parseInt(hexMapped[2]!, 16);
    return FORBIDDEN.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
  }
  return FORBIDDEN.check(address, 'ipv6');
}

export class ForbiddenTargetError extends Error {
  override name = 'ForbiddenTargetError';
}

/** Where to connect for a URL: the checked address, and the host name for Host and TLS. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export type Resolve = (host: string) => Promise<Array<{ address: string; family: number }>>;

const systemResolve: Resolve = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Parses a webhook URL and resolves its host. Refused (ForbiddenTargetError): a scheme other than
 * http(s), credentials in the URL, a host that does not resolve, or one that resolves to any
 * forbidden address (unless `allowPrivate`, for tests). The caller connects to `address`, never
 * resolving the name again, so a DNS answer that changes between check and connect changes nothing.
 */
export async function checkTarget(
  rawUrl: string,
  options: { allowPrivate: boolean; resolve?: Resolve },
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ForbiddenTargetError('not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ForbiddenTargetError('only http and https URLs are allowed');
  if (url.username || url.password)
    throw new ForbiddenTargetError('credentials in the URL are not allowed');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolve)(host);
    } catch {
      throw new ForbiddenTargetError('the host name does not resolve');
    }
  }
  if (addresses.length === 0) throw new ForbiddenTargetError('the host name does not resolve');
  if (!options.allowPrivate && addresses.some((a) => isForbiddenAddress(a.address)))
    throw new ForbiddenTargetError(
      'the URL points to a loopback, private, link-local or metadata address',
    );
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
