import { BlockList, isIP } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** `::ffff:203.0.113.9` (an IPv4 client on a dual-stack socket) is 203.0.113.9. */
export function normalizeAddress(address: string): string {
  return IPV4_MAPPED.exec(address)?.[1] ?? address;
}

/** An IP address or a CIDR block (`10.0.0.0/8`, `fd00::/8`), or null when the entry is neither. */
export function parseProxyEntry(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const bits = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether an address belongs to one of the configured proxies (entries already validated by the config). */
export function trustedProxies(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const parsed = parseProxyEntry(entry);
    if (parsed) list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return (address) => {
    const version = isIP(address);
    return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the right-most
 * X-Forwarded-For hop that is not a trusted proxy (each trusted proxy appends the address it was reached from; what
 * lies left of the first untrusted hop was written by the client and proves nothing).
 */
export function clientAddress(peer: string, forwardedFor: string, isTrusted: (address: string) => boolean): string {
  let nearest = normalizeAddress(peer);
  if (!isTrusted(nearest) || !forwardedFor) return nearest;
  const hops = forwardedFor.split(',').map((hop) => normalizeAddress(hop.trim()));
  for (const hop of hops.reverse()) {
    if (isIP(hop) === 0) return nearest; // no trusted proxy writes this
    if (!isTrusted(hop)) return hop;
    nearest = hop;
  }
  return nearest;
}
