// Typed helpers per RouterOS menu: RouterOS strings in, domain objects out.
export type { MenuClient, LegacyText } from './values.ts';
export * from './system.ts';
export * from './wireguard.ts';
export * from './wireguard-peers.ts';
export * from './ip-address.ts';
export * from './firewall-filter.ts';
export * from './ip-cloud.ts';
export * from './interface.ts';
export * from './ping.ts';
export * from './system-scheduler.ts';
