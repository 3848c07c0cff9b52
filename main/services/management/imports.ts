// CSV import: preview (dry run, row-level errors and the address each row would get), apply, resume. Apply
// fixes every row's address and key pair in an import job BEFORE sending, marks each row attempted before
// its add and applied/failed after; the adds go through change plans of at most 50 rows. A lost link stops the run with rows left pending; resume first looks on
// the router for each pending row's public key (its add may have arrived while the answer was lost) and only
// adds what is really missing, so an interrupted import never creates a peer twice.
import { AppError, type InvokeOutput, type InvokeParsedInput, type PlanView } from '../../../src/contract/index.ts';
import { generateKeyPair, generatePresharedKey } from '../../../src/domain/index.ts';
import { peerParams } from '../../routeros/menus/wireguard-peers.ts';
import type { Params } from '../../routeros/client.ts';
import { planPeerAdd } from '../changes/peer-plans.ts';
import { combinePlans, type ChangePlan } from '../changes/plan.ts';
import { CHUNK } from './bulk.ts';
import type { ImportJob, ImportJobSummary } from '../../store/import-jobs.ts';
import { checkAllowedAddress } from './allocation.ts';
import type { ManagementDeps } from './deps.ts';
import { isLinkFailure, toAppError } from '../errors.ts';
import { describeError, errorData } from './errors.ts';
import { asPayload, type ImportPayload } from './import-payload.ts';
import { planImport, type PlannedRow } from './import-plan.ts';
import { hostEntries, newPeerInput } from './peer-input.ts';
import { checkKeyFree } from './peer-names.ts';
import { clientRoutesOf } from './client-routes.ts';
import type { RouterContext } from './router-session.ts';
import { interfaceByName, refuseDynamicInterface } from './router-read.ts';

type ImportResult = InvokeOutput<'peers:importApply'>;
type Interruption = ImportResult['interruption'];
type ApplyInput = InvokeParsedInput<'peers:importApply'>;

/** The keys an import preview was made with (one pair, and a preshared key when asked, per importable row), kept in main. */
interface ImportMaterial {
  rows: Array<{ pair: ReturnType<typeof generateKeyPair>; psk: string | null }>;
}

type RowFields = Pick<ImportPayload, 'name' | 'comment' | 'address' | 'dns' | 'keepaliveSec' | 'publicKey'>;

/** What every row's client settings share: where clients dial and what they route (the interface's remembered choices). */
interface ClientDefaults {
  endpoint: string | undefined;
  routes: string[];
}

/** One row's add as the router gets it: the same words in the preview and in the run. */
function rowParams(iface: string, client: ClientDefaults, version: RouterContext['version'], p: RowFields, psk: string | undefined): Params {
  const { input } = newPeerInput(
    {
      iface, name: p.name, comment: p.comment, allowedAddress: p.address, publicKey: p.publicKey, presharedKey: psk,
      keepaliveSec: p.keepaliveSec, endpoint: undefined,
      client: { address: hostEntries(p.address), dns: p.dns, endpoint: client.endpoint, keepaliveSec: p.keepaliveSec, allowedAddress: client.routes },
    },
    version,
  );
  return peerParams(input, version);
}

export class PeerImports {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async preview(input: InvokeParsedInput<'peers:importPreview'>): Promise<InvokeOutput<'peers:importPreview'>> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = interfaceByName(state, input.interface);
      refuseDynamicInterface(iface);
      const plan = planImport(input.csv, state, iface.name, this.#d.reserved.for(ctx.routerId, iface.name), ctx.version);
      const rows = plan.rows.map((r) => ({ rowNumber: r.rowNumber, name: r.name, address: r.address?.join(',') ?? null, errors: r.errors, warnings: r.warnings }));
      const invalid = rows.filter((r) => r.errors.length > 0).length;
      return { rows, fileWarnings: plan.fileWarnings, valid: rows.length - invalid, invalid };
    });
  }

  /**
   * The Preview step of an import: every row's add as one plan (commands, each new peer's fields), with the
   * keys made now and kept with the preview, so Apply sends exactly these words (in parts of at most 50).
   */
  async previewApply(input: ApplyInput): Promise<PlanView> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = interfaceByName(state, input.interface);
      refuseDynamicInterface(iface);
      const rows = importable(planImport(input.csv, state, iface.name, this.#d.reserved.for(ctx.routerId, iface.name), ctx.version).rows);
      if (rows.length === 0) throw new AppError('VALIDATION', 'No row of this file can be imported: fix the rows the check marks, then try again.', { field: 'csv' });
      const material: ImportMaterial = { rows: rows.map(() => ({ pair: generateKeyPair(), psk: input.presharedKey ? generatePresharedKey() : null })) };
      return this.#d.previews.keep(this.#plan(ctx, iface.name, rows, material), material);
    });
  }

  /** All rows' adds as one plan, with the keys of `material` (row i gets material.rows[i]). */
  #plan(ctx: RouterContext, iface: string, rows: ReadonlyArray<PlannedRow & { address: string[] }>, material: ImportMaterial): ChangePlan {
    const client = this.#clientDefaults(ctx.routerId, iface);
    const plans = rows.map((r, i) => {
      const keys = material.rows[i];
      // A preview made for other rows: its plan differs, and confirm says so (PLAN_STALE).
      const publicKey = keys?.pair.publicKey ?? '';
      return planPeerAdd({ routerId: ctx.routerId, params: rowParams(iface, client, ctx.version, { ...r, publicKey }, keys?.psk ?? undefined), label: { name: r.name, comment: r.comment }, iface, warnings: [] });
    });
    return combinePlans('peer.import', { type: 'peer', key: `${rows.length} rows`, label: `${rows.length} rows` }, plans);
  }

  async apply(input: ApplyInput): Promise<ImportResult> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = interfaceByName(state, input.interface);
      refuseDynamicInterface(iface);
      const plan = planImport(input.csv, state, iface.name, this.#d.reserved.for(ctx.routerId, iface.name), ctx.version);
      if (plan.rows.length === 0) throw new AppError('VALIDATION', 'The file has a header but no peer rows: add one row per peer.', { field: 'csv' });
      // Previewed: the keys the preview showed, and only if the rows still come out as it showed them.
      const material = input.planId ? this.#d.previews.material<ImportMaterial>(input.planId, ctx.routerId, 'peer.import') : null;
      if (input.planId && material) this.#d.previews.confirm(input.planId, this.#plan(ctx, iface.name, importable(plan.rows), material));
      // Keys are sealed and kept before the job exists: a job row never points at a key that was not saved.
      const payloads: ImportPayload[] = [];
      let n = 0;
      for (const row of plan.rows) {
        const base = { rowNumber: row.rowNumber, name: row.name, comment: row.comment, dns: row.dns, keepaliveSec: row.keepaliveSec };
        if (row.address === null) {
          payloads.push({ ...base, address: [], publicKey: '', sealedPsk: null });
          continue;
        }
        const kept = material?.rows[n++];
        const pair = kept?.pair ?? generateKeyPair();
        await this.#d.keys.prepare(ctx.routerId, pair, 'stored');
        const psk = kept ? kept.psk : input.presharedKey ? generatePresharedKey() : null;
        const sealedPsk = psk ? await this.#d.vault.encrypt(psk, { routerId: ctx.routerId, publicKey: pair.publicKey, purpose: 'preshared-key' }) : null;
        payloads.push({ ...base, address: row.address, publicKey: pair.publicKey, sealedPsk });
      }
      const job = this.#d.imports.create(ctx.routerId, iface.name, payloads, input.sourceName ? { sourceName: input.sourceName } : {});
      plan.rows.forEach((row, i) => {
        if (row.address === null) this.#d.imports.markSkipped(job.id, i + 1, `Not imported: ${row.errors.join(' ')}`);
      });
      return this.#run(ctx, job);
    });
  }

  async resume(input: InvokeParsedInput<'peers:importResume'>): Promise<ImportResult> {
    const job = this.#job(input.routerId, input.jobId);
    return this.#d.sessions.run(input.routerId, (ctx) => this.#run(ctx, job));
  }

  jobs(routerId: string): InvokeOutput<'peers:importJobs'> {
    this.#d.sessions.requireRouter(routerId);
    return this.#d.imports.listResumable(routerId).map(toSummary);
  }

  /** Local bookkeeping only (works offline): rows never sent are dropped with their keys. */
  cancel(input: InvokeParsedInput<'peers:importCancel'>): InvokeOutput<'peers:importCancel'> {
    const job = this.#job(input.routerId, input.jobId);
    for (const row of this.#d.imports.remainingRows(job.id)) {
      // A row that was sent may exist on the router: its key stays, so a later rotation is not needed.
      if (row.attemptedAt === null) this.#d.keys.forget(job.routerId, asPayload(row.payload).publicKey);
    }
    this.#d.imports.cancel(job.id);
    return toSummary(this.#d.imports.summary(job.id));
  }

  #job(routerId: string, jobId: string): ImportJob {
    const job = this.#d.imports.get(jobId);
    if (!job || job.routerId !== routerId) throw new AppError('NOT_FOUND', `No import ${jobId} is saved for this router; it may have been removed with the router.`);
    if (job.status === 'completed' || job.status === 'cancelled') throw new AppError('CONFLICT', `This import is already ${job.status}; start a new one to add more peers.`);
    return job;
  }

  async #run(ctx: RouterContext, job: ImportJob): Promise<ImportResult> {
    // A part whose answer was lost is found out first (a half-done one is put back by the router's rollback):
    // what the router holds is read after that.
    await this.#d.plans.settled(ctx.routerId);
    this.#d.imports.markRunning(job.id);
    // Read now, not from the stream: an add whose answer was lost with the link must be found here.
    const state = await this.#d.models.readNow(ctx.routerId, ctx.client, ['peers']);
    const iface = interfaceByName(state, job.interface);
    // Keys are unique per router, on any interface: a row's key found elsewhere is not this import's add.
    const onRouter = new Map(state.peers.map((p) => [p.publicKey, p]));
    const subject = (p: ImportPayload) => ({ routerId: ctx.routerId, routerName: ctx.routerName, action: 'import' as const, objectType: 'peer' as const, objectName: p.name });
    const view = (p: ImportPayload, extra: Record<string, unknown> = {}) => ({ interface: job.interface, name: p.name, publicKey: p.publicKey, allowedAddress: p.address, importJob: job.id, csvRow: p.rowNumber, ...extra });

    const toSend: Array<{ rowNo: number; p: ImportPayload }> = [];
    for (const row of this.#d.imports.remainingRows(job.id)) {
      const p = asPayload(row.payload);
      const existing = onRouter.get(p.publicKey);
      if (existing?.interface === job.interface) {
        this.#d.imports.markApplied(job.id, row.rowNo, existing.id);
        this.#d.audit.ok({ ...subject(p), objectId: existing.id }, view(p, { recovered: 'found on the router after an interrupted run' }));
        continue;
      }
      try {
        checkKeyFree(state, p.publicKey);
        checkAllowedAddress(state, job.interface, p.address);
      } catch (error) {
        this.#d.imports.markFailed(job.id, row.rowNo, describeError(error));
        this.#d.keys.forget(ctx.routerId, p.publicKey);
        continue;
      }
      toSend.push({ rowNo: row.rowNo, p });
    }
    this.#progress(ctx, job.id);

    // Through plans of at most CHUNK rows (backed up, guarded by the router's rollback, verified). A row the
    // router refuses is marked failed and its plan (undone as a whole) runs again without it.
    const stop: { reason: Interruption } = { reason: null };
    const client = this.#clientDefaults(ctx.routerId, iface.name);
    const built = new Map<number, Params>();
    for (const { rowNo, p } of toSend) {
      const psk = p.sealedPsk ? await this.#d.vault.decrypt(p.sealedPsk, { routerId: ctx.routerId, publicKey: p.publicKey, purpose: 'preshared-key' }) : undefined;
      built.set(rowNo, rowParams(iface.name, client, ctx.version, p, psk));
    }
    for (let from = 0; from < toSend.length && !stop.reason; from += CHUNK) {
      let chunk = toSend.slice(from, from + CHUNK);
      while (chunk.length > 0 && !stop.reason) {
        for (const { rowNo } of chunk) this.#d.imports.markAttempt(job.id, rowNo);
        const plans = chunk.map(({ rowNo, p }) => planPeerAdd({ routerId: ctx.routerId, params: built.get(rowNo)!, label: { name: p.name, comment: p.comment }, iface: iface.name, warnings: [] }));
        const plan = combinePlans('peer.create', { type: 'peer', key: `${chunk.length} rows`, label: `${chunk.length} rows` }, plans);
        try {
          const applied = await this.#d.plans.apply(ctx, plan, { subject: { code: 'peer.import', params: { source: job.sourceName ?? '', interface: iface.name, from: chunk[0]!.p.rowNumber, to: chunk.at(-1)!.p.rowNumber } } });
          chunk.forEach(({ rowNo, p }, i) => {
            const id = applied.ids[i] ?? '';
            this.#d.imports.markApplied(job.id, rowNo, id);
            this.#d.audit.ok({ ...subject(p), objectId: id, planId: applied.report.planId }, view(p));
          });
          this.#progress(ctx, job.id);
          chunk = [];
        } catch (error) {
          // Lost link: the rows stay pending (and attempted); the resume asks the router before sending again.
          if (isLinkFailure(error)) {
            stop.reason ??= errorData(error);
            break;
          }
          const report = (toAppError(error)?.details?.['report'] ?? null) as { steps?: Array<{ state: string }> } | null;
          const refused = report?.steps?.findIndex((st) => st.state === 'failed') ?? -1;
          // A refused row fails alone; a plan that failed as a whole (verification) fails all its rows.
          const failing = refused >= 0 ? [chunk[refused]!] : chunk;
          for (const { rowNo, p } of failing) {
            this.#d.imports.markFailed(job.id, rowNo, describeError(error));
            this.#d.keys.forget(ctx.routerId, p.publicKey);
            this.#d.audit.failed(subject(p), error);
          }
          chunk = refused >= 0 ? chunk.filter((_, i) => i !== refused) : [];
          this.#progress(ctx, job.id);
        }
      }
    }

    const interruption = stop.reason;
    if (!interruption && this.#d.imports.summary(job.id).counts.pending === 0) this.#d.imports.complete(job.id);
    const summary = this.#d.imports.summary(job.id);
    const jobSubject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'import' as const, objectType: 'import-job' as const, objectId: job.id, objectName: job.sourceName ?? `CSV import to ${job.interface}` };
    if (interruption) this.#d.audit.failed(jobSubject, new AppError('CONNECTION_LOST', `Import stopped: ${interruption.message}`));
    else this.#d.audit.ok(jobSubject, { status: summary.status, counts: summary.counts });
    return this.#result(summary, interruption);
  }

  #clientDefaults(routerId: string, iface: string): ClientDefaults {
    return { endpoint: this.#d.endpoints.get(routerId, iface)?.host, routes: clientRoutesOf(this.#d.clientRoutes, routerId, iface) };
  }

  #progress(ctx: RouterContext, jobId: string): void {
    const { counts } = this.#d.imports.summary(jobId);
    const total = counts.pending + counts.applied + counts.failed + counts.skipped;
    this.#d.events.emit('import:progress', {
      jobId, routerId: ctx.routerId, done: total - counts.pending, total, applied: counts.applied, failed: counts.failed, skipped: counts.skipped,
    });
  }

  #result(summary: ImportJobSummary, interruption: Interruption): ImportResult {
    const rows = this.#d.imports.rows(summary.id).map((r) => {
      const p = asPayload(r.payload);
      return { rowNumber: p.rowNumber, name: p.name, address: p.address.length > 0 ? p.address.join(',') : null, state: r.state, error: r.error };
    });
    return { ...toSummary(summary), interruption, rows };
  }
}

function toSummary(s: ImportJobSummary): InvokeOutput<'peers:importCancel'> {
  return { jobId: s.id, interface: s.interface, sourceName: s.sourceName, status: s.status, counts: s.counts, createdAt: s.createdAt };
}

/** The rows that get a peer (the others are recorded as skipped). */
function importable(rows: readonly PlannedRow[]): Array<PlannedRow & { address: string[] }> {
  return rows.filter((r): r is PlannedRow & { address: string[] } => r.address !== null);
}
