// configs:get, configs:export and endpoints:suggest. Private keys leave main only in the answers to these
// explicit requests (config text, QR code, exported file); nothing secret is logged or stored, and each
// exported file is noted in the activity log by peer names and file name.
import { AppError, type ConfigWarning, type InvokeOutput, type InvokeParsedInput } from '../../../src/contract/index.ts';
import { ConfigArtifactError, qrDataUrl } from '../../configs/index.ts';
import { interfaceByName } from '../management/router-read.ts';
import { makeArtifact } from './artifacts.ts';
import type { ConfigDeps } from './deps.ts';
import { suggestEndpoint } from './endpoint-suggest.ts';
import { problemOf } from './errors.ts';
import { lanOptions } from './lans.ts';
import { buildPeerConfig, uniqueWarnings, type BuiltConfig, type ConfigRequest, type ConfigSource } from './peer-config.ts';
import { configSource } from './source.ts';
import { offlineConfigSource } from './offline-source.ts';
import { mapErrors } from '../errors.ts';

type GetInput = InvokeParsedInput<'configs:get'>;
type ExportInput = InvokeParsedInput<'configs:export'>;
type Skipped = InvokeOutput<'configs:export'>['skipped'][number];

function request(input: GetInput | ExportInput): ConfigRequest {
  return { preset: input.preset, lans: input.lans, dns: input.dns, endpoint: input.endpoint, mtu: input.mtu, keepaliveSec: input.keepaliveSec };
}

async function qrOrWarning(text: string, warnings: ConfigWarning[]): Promise<string | null> {
  try {
    return await qrDataUrl(text);
  } catch (error) {
    if (!(error instanceof ConfigArtifactError) || error.code !== 'CONFIG_TOO_LONG_FOR_QR') throw error;
    warnings.push({ code: 'QR_TOO_LONG', message: error.message });
    return null;
  }
}

export class ClientConfigs {
  readonly #d: ConfigDeps;

  constructor(deps: ConfigDeps) {
    this.#d = deps;
  }

  /** Runs on the live router, or on the saved copy when the router is unreachable. */
  async #withSource<T>(routerId: string, peerIds: readonly string[], work: (src: ConfigSource, routerName: string) => Promise<T>): Promise<T> {
    try {
      return await this.#d.sessions.run(routerId, async (ctx) => work(await configSource(this.#d, ctx, peerIds), ctx.routerName));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'OFFLINE' || error.details?.['reason'] !== undefined) throw error;
      return mapErrors(async () => work(await offlineConfigSource(this.#d, routerId), this.#d.sessions.routerName(routerId)));
    }
  }

  async get(input: GetInput): Promise<InvokeOutput<'configs:get'>> {
    return this.#withSource(input.routerId, [input.peerId], async (src) => {
      const built = await buildPeerConfig(src, input.peerId, request(input));
      const warnings = [...built.warnings];
      const qr = await qrOrWarning(built.text, warnings);
      return {
        peerId: built.peerId,
        peerName: built.peerName,
        interface: built.iface.name,
        text: built.text,
        fileName: built.fileName,
        qrDataUrl: qr,
        preset: built.preset,
        allowedIps: built.allowedIps,
        dns: built.dns,
        endpoint: built.endpoint,
        hasPresharedKey: built.hasPresharedKey,
        warnings,
        endpointSuggestion: await src.suggestion(built.iface),
        lanOptions: lanOptions(src.state),
      };
    });
  }

  /**
   * One file for one or many peers. In a ZIP or PDF a peer whose config cannot be made is left out and
   * listed in `skipped` with its reason; when none can be made, the first reason is the error.
   */
  async export(input: ExportInput): Promise<InvokeOutput<'configs:export'>> {
    return this.#withSource(input.routerId, input.peerIds, async (src, routerName) => {
      const configs: BuiltConfig[] = [];
      const skipped: Skipped[] = [];
      let firstProblem: unknown;
      for (const peerId of input.peerIds) {
        try {
          configs.push(await buildPeerConfig(src, peerId, request(input)));
        } catch (error) {
          const reason = problemOf(error);
          // One peer asked for: its reason is the answer. Anything but a config problem (vault, link) stops the export.
          if (!reason || input.peerIds.length === 1) throw error;
          firstProblem ??= error;
          const peer = src.state.peers.find((p) => p.id === peerId);
          skipped.push({ peerId, name: peer?.name || peer?.comment || peerId, reason, message: error instanceof AppError ? error.message : String(error) });
        }
      }
      if (configs.length === 0) throw firstProblem;
      const artifact = await makeArtifact(input.kind, configs, {
        routerName,
        withQrPng: input.withQrPng,
        title: input.title,
        generatedAt: new Date(this.#d.now()),
      });
      // A file of client configs carries private keys out of WireDesk: who got which is worth a line in the
      // activity log (peer names and the file name only, never the configs).
      this.#d.auditLog.append({
        routerId: input.routerId,
        routerName,
        action: 'export',
        objectType: 'config',
        objectId: configs.length === 1 ? configs[0]!.peerId : null,
        objectName: configs.length === 1 ? configs[0]!.peerName : `${configs.length} peers`,
        after: { file: artifact.fileName, peers: configs.map((c) => c.peerName), ...(skipped.length > 0 ? { skipped: skipped.map((s) => s.name) } : {}) },
        outcome: 'ok',
      });
      return {
        fileName: artifact.fileName,
        mimeType: artifact.mimeType,
        base64: artifact.bytes.toString('base64'),
        count: configs.length,
        skipped,
        warnings: uniqueWarnings(configs.flatMap((c) => c.warnings)),
      };
    });
  }

  /**
   * A config the renderer already showed was saved as a file or copied: one line in the activity log, with
   * the peer's name from the router model (no router round trip for a click).
   */
  async saved(input: InvokeParsedInput<'configs:saved'>): Promise<InvokeOutput<'configs:saved'>> {
    this.#d.sessions.requireRouter(input.routerId);
    const peer = (await this.#d.models.state(input.routerId)).peer(input.peerId);
    this.#d.auditLog.append({
      routerId: input.routerId,
      routerName: this.#d.sessions.routerName(input.routerId),
      action: 'export',
      objectType: 'config',
      objectId: input.peerId,
      objectName: (peer ? peer.name || peer.comment : '') || input.peerName || input.peerId,
      after: input.how === 'copy' ? { copied: 'to the clipboard' } : { file: input.fileName },
      outcome: 'ok',
    });
    return { recorded: true };
  }

  async suggest(input: InvokeParsedInput<'endpoints:suggest'>): Promise<InvokeOutput<'endpoints:suggest'>> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      await this.#d.models.live(ctx.routerId);
      // Asked for by the technician: /ip/cloud (not streamed) is read for it, so a DDNS switched off in WinBox counts.
      const state = await this.#d.models.readNow(ctx.routerId, ctx.client, ['cloud']);
      return suggestEndpoint(this.#d.endpoints, ctx.routerId, interfaceByName(state, input.interface), state);
    });
  }
}
