// The RouterOS simulator: demo router for new users and protocol-accurate fixture for tests.
export { startSimulator, DataPlaneUnavailableError, type Simulator } from './simulator.ts';
export type { SimulatorOptions, SimulatorUser } from './options.ts';
export type { FaultControls } from './server/faults.ts';
export type { CommandLog, ReceivedCommand } from './server/command-log.ts';
export type { TlsOptions } from './server/listener.ts';
export { ANONYMOUS_CIPHERS } from './server/listener.ts';
export type { DataPlaneOptions, DataPlaneHandle } from './dataplane/data-plane.ts';
export type { UplinkOptions } from './dataplane/namespace.ts';
export { dataPlaneUnavailableReason } from './dataplane/preflight.ts';
export { RouterState, type Clock, type Hardware } from './state/router-state.ts';
export { Row, formatId, parseId } from './state/row.ts';
export type { Table, TableEvent } from './state/table.ts';
export type { PeerOverride, PeerStats, Endpoint } from './traffic/model.ts';
export { SimTrap } from './trap.ts';
export { legacyResponse } from './server/login.ts';
export { atLeast, parseVersion, type RouterVersion } from './version.ts';
