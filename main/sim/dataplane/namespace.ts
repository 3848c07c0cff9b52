// The router's network namespace and its uplink: a veth pair whose router end is `ether1` inside the namespace
// and whose other end sits in the caller's namespace (or the host's) with the caller's address.
import { run } from './exec.ts';

export interface UplinkOptions {
  /** Address with prefix on the caller's end, e.g. `198.18.0.1/30`. */
  hostAddress: string;
  /** Address with prefix on the router's ether1, e.g. `198.18.0.2/30`. */
  routerAddress: string;
  /** Namespace for the caller's end (created by the caller); default: the host namespace. */
  namespace?: string;
}

let counter = 0;

/** Unique names per process: several simulators (and test files) may run at once. */
export function uniqueSuffix(): string {
  counter++;
  return `${process.pid.toString(36)}${counter.toString(36)}`;
}

export async function createNamespace(prefix: string): Promise<string> {
  const name = `${prefix}-${uniqueSuffix()}`;
  await run('ip', ['netns', 'add', name]);
  await run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  // A router forwards between its tunnels and its uplink.
  await run('ip', ['netns', 'exec', name, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']).catch(() => undefined);
  return name;
}

/** Creates the veth pair; returns the name of the caller's end. */
export async function createUplink(namespace: string, uplink: UplinkOptions): Promise<string> {
  const hostEnd = `wdu${uniqueSuffix()}`.slice(0, 15);
  const where = uplink.namespace ? ['netns', uplink.namespace] : [];
  await run('ip', ['link', 'add', hostEnd, ...where, 'type', 'veth', 'peer', 'name', 'ether1', 'netns', namespace]);
  const inHost = uplink.namespace ? ['-n', uplink.namespace] : [];
  await run('ip', [...inHost, 'addr', 'add', uplink.hostAddress, 'dev', hostEnd]);
  await run('ip', [...inHost, 'link', 'set', hostEnd, 'up']);
  await run('ip', ['-n', namespace, 'addr', 'add', uplink.routerAddress, 'dev', 'ether1']);
  await run('ip', ['-n', namespace, 'link', 'set', 'ether1', 'up']);
  await run('ip', ['-n', namespace, 'route', 'add', 'default', 'via', uplink.hostAddress.split('/')[0]!]);
  return hostEnd;
}
