// What the config and site-to-site services share. Built once in index.ts from the app's composition root.
import type { AuditRepository } from '../../store/audit.ts';
import type { EndpointsRepository } from '../../store/endpoints.ts';
import type { PeerKeysRepository } from '../../store/peer-keys.ts';
import type { RouterSessions } from '../management/router-session.ts';
import type { SnapshotsRepository } from '../../store/snapshots.ts';

export interface ConfigDeps {
  sessions: RouterSessions;
  /** Read here only to decrypt 'stored' keys; management owns writing them. */
  keys: PeerKeysRepository;
  endpoints: EndpointsRepository;
  auditLog: AuditRepository;
  /** The last-known copy of each router, for configs while a router is unreachable. */
  snapshots: SnapshotsRepository;
  now: () => number;
}
