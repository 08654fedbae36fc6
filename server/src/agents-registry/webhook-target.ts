/**
 * Where a webhook bot may be reached. The operator keeps an allow-list of hosts (exact names,
 * `*.example.com` suffixes, IP addresses or CIDR ranges); loopback, link-local, private and other
 * non-public ranges are refused unless the operator allows them, whatever the list says. A name is
 * resolved and every address it resolves to is checked, so a public name cannot point inward.
 */
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export interface WebhookPolicy {
  /** Hosts a webhook may name; empty means none (webhooks off). `*` allows any public host. */
  allow: readonly string[];
  /** Allow loopback, private, link-local and other non-public addresses (a local arena). */
  allowPrivate: boolean;
}

export const NO_WEBHOOKS: WebhookPolicy = Object.freeze({ allow: [], allowPrivate: false });

export type Resolver = (host: string) => Promise<string[]>;
const systemResolver: Resolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

export type TargetCheck = { ok: true; url: string } | { ok: false; message: string };

/** True for addresses on the public internet (ipaddr's `unicast` range); false for everything else. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

function hostAllowed(host: string, allow: readonly string[]): boolean {
  const literal = ipaddr.isValid(host) ? ipaddr.parse(host) : null;
  return allow.some((rule) => {
    if (rule === '*') return true;
    if (rule.includes('/') && literal) {
      try {
        const [range, bits] = ipaddr.parseCIDR(rule);
        return range.kind() === literal.kind() && literal.match(range, bits);
      } catch {
        return false;
      }
    }
    if (rule.startsWith('*.')) return host.endsWith(rule.slice(1)) && host.length > rule.length - 1;
    return host === rule.toLowerCase();
  });
}

/** Checks a webhook URL against the policy, resolving its host. Messages name the URL's host only. */
export async function checkWebhookTarget(
  raw: string,
  policy: WebhookPolicy,
  resolve: Resolver = systemResolver,
): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'the webhook is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: 'a webhook must be http or https' };
  if (url.username || url.password) return { ok: false, message: 'a webhook URL must not carry credentials' };
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!hostAllowed(host, policy.allow))
    return { ok: false, message: `the host ${host} is not on the operator's webhook allow-list` };
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  } catch {
    return { ok: false, message: `the host ${host} does not resolve` };
  }
  if (addresses.length === 0) return { ok: false, message: `the host ${host} does not resolve` };
  if (!policy.allowPrivate && !addresses.every(isPublicAddress))
    return { ok: false, message: `the host ${host} is loopback, link-local or private; the operator does not allow those` };
  return { ok: true, url: url.toString() };
}
