// Append-only history of what WireDesk changed on routers, kept after a router is removed (no
// foreign key; the router's name is copied into each row). SQLite triggers refuse UPDATE and DELETE.
import type { Database as Db, Statement } from 'better-sqlite3';
import { redactText } from '../log/redact.ts';
import { systemClock, type Clock } from './clock.ts';
import { toStrippedJson } from './strip-secrets.ts';

export const AUDIT_ACTIONS = ['create', 'edit', 'delete', 'enable', 'disable', 'import', 'rotate-keys', 'export', 'restore', 'undo'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcome = 'ok' | 'failed';
/**
 * What a change whose answer was lost turned out to be, found out once the router could be read again:
 * the entry was written 'failed' (the link dropped), the router says whether the change stands.
 */
export type AuditResolution = 'applied' | 'not-applied' | 'unknown';

export interface AuditEntryInput {
  routerId: string | null;
  routerName: string | null;
  action: AuditAction;
  /** What was changed: 'peer', 'interface', 'router', ... */
  objectType: string;
  objectId?: string | null;
  objectName?: string | null;
  /** Object state before/after; secret-named fields are stripped here whatever the caller did. */
  before?: unknown;
  after?: unknown;
  outcome: AuditOutcome;
  error?: string | null;
  /** The change plan this entry was sent in (its undo is offered from the activity log). */
  planId?: string | null;
  /** Defaults to the injected clock. */
  at?: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  routerId: string | null;
  routerName: string | null;
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  objectName: string | null;
  before: unknown;
  after: unknown;
  outcome: AuditOutcome;
  error: string | null;
  planId: string | null;
  /** Set once, later, on a 'failed' entry whose answer was lost; null otherwise. */
  resolution: AuditResolution | null;
  resolvedAt: number | null;
}

export interface AuditQuery {
  routerId?: string;
  action?: AuditAction | readonly AuditAction[];
  objectType?: string;
  /** Case-insensitive substring of names, ids, router name, error text or before/after contents. */
  text?: string;
  /** Inclusive lower bound, ms. */
  from?: number;
  /** Exclusive upper bound, ms. */
  to?: number;
  /** Default 100, at most 1000. */
  limit?: number;
  offset?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Entries matching the filters, all pages together. */
  total: number;
}

interface Row {
  id: number;
  at: number;
  router_id: string | null;
  router_name: string | null;
  action: AuditAction;
  object_type: string;
  object_id: string | null;
  object_name: string | null;
  before_json: string | null;
  after_json: string | null;
  outcome: AuditOutcome;
  error: string | null;
  plan_id: string | null;
  resolution: AuditResolution | null;
  resolved_at: number | null;
}

type Params = Record<string, string | number | null>;
interface QueryStatements {
  page: Statement<[Params], Row>;
  count: Statement<[Params], number>;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export class AuditRepository {
  readonly #db: Db;
  readonly #now: Clock;
  readonly #insert: Statement<[Omit<Row, 'id' | 'resolution' | 'resolved_at'>], Row>;
  readonly #resolve: Statement<[{ plan_id: string; resolution: AuditResolution; resolved_at: number }]>;
  readonly #lastAfter: Statement<[string, string, string], string>;
  // One prepared pair per combination of filters used, so each keeps a plan that fits its indexes.
  readonly #queries = new Map<string, QueryStatements>();

  constructor(db: Db, options: { now?: Clock } = {}) {
    this.#db = db;
    this.#now = options.now ?? systemClock;
    this.#insert = db.prepare(`INSERT INTO audit (at, router_id, router_name, action, object_type, object_id, object_name, before_json, after_json, outcome, error, plan_id)
      VALUES (@at, @router_id, @router_name, @action, @object_type, @object_id, @object_name, @before_json, @after_json, @outcome, @error, @plan_id) RETURNING *`);
    // Only a failed entry of that plan not resolved before (the table's trigger refuses anything else).
    this.#resolve = db.prepare(`UPDATE audit SET resolution = @resolution, resolved_at = @resolved_at
      WHERE plan_id = @plan_id AND outcome = 'failed' AND resolution IS NULL`);
    // By router first (audit_by_router), then the object's own entries: a diagnosis reads one.
    this.#lastAfter = db.prepare<[string, string, string], string>(`SELECT after_json FROM audit
      WHERE router_id = ? AND object_type = ? AND object_id = ? AND outcome = 'ok' AND after_json IS NOT NULL
      ORDER BY at DESC, id DESC LIMIT 1`).pluck();
  }

  /** The object as WireDesk last left it (the newest successful entry's after), or null when it never changed it. */
  lastAfter(routerId: string, objectType: string, objectId: string): unknown {
    const json = this.#lastAfter.get(routerId, objectType, objectId);
    return json === undefined ? null : JSON.parse(json) as unknown;
  }

  append(input: AuditEntryInput): AuditEntry {
    const row = this.#insert.get({
      at: input.at ?? this.#now(),
      router_id: input.routerId,
      router_name: input.routerName,
      action: input.action,
      object_type: input.objectType,
      object_id: input.objectId ?? null,
      object_name: input.objectName ?? null,
      before_json: toStrippedJson(input.before),
      after_json: toStrippedJson(input.after),
      outcome: input.outcome,
      // Router error texts can echo a command line ("password=..."); the log's text redaction applies.
      error: input.error == null ? null : redactText(input.error),
      plan_id: input.planId ?? null,
    });
    if (!row) throw new Error('INSERT ... RETURNING returned no row');
    return toEntry(row);
  }

  /** The true outcome of the plan's failed entries whose answer was lost; returns how many entries it resolved. */
  resolve(planId: string, resolution: AuditResolution): number {
    return this.#resolve.run({ plan_id: planId, resolution, resolved_at: this.#now() }).changes;
  }

  /** Newest first. */
  query(filter: AuditQuery = {}): AuditPage {
    const where: string[] = [];
    const params: Params = {};
    if (filter.routerId !== undefined) {
      where.push('router_id = @routerId');
      params.routerId = filter.routerId;
    }
    const actions = filter.action === undefined ? [] : typeof filter.action === 'string' ? [filter.action] : [...filter.action];
    if (actions.length > 0) {
      where.push(`action IN (${actions.map((_, i) => `@action${i}`).join(', ')})`);
      actions.forEach((a, i) => (params[`action${i}`] = a));
    }
    if (filter.objectType !== undefined) {
      where.push('object_type = @objectType');
      params.objectType = filter.objectType;
    }
    const text = filter.text?.trim();
    if (text) {
      where.push(`(${['object_name', 'object_id', 'object_type', 'router_name', 'error', 'before_json', 'after_json'].map((c) => `${c} LIKE @text ESCAPE '\\'`).join(' OR ')})`);
      params.text = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    }
    if (filter.from !== undefined) {
      where.push('at >= @from');
      params.from = filter.from;
    }
    if (filter.to !== undefined) {
      where.push('at < @to');
      params.to = filter.to;
    }
    const statements = this.#statements(where.join(' AND '));
    const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
    const offset = Math.max(0, Math.trunc(filter.offset ?? 0));
    return {
      entries: statements.page.all({ ...params, limit, offset }).map(toEntry),
      total: statements.count.get(params) ?? 0,
    };
  }

  #statements(where: string): QueryStatements {
    let cached = this.#queries.get(where);
    if (!cached) {
      const clause = where ? `WHERE ${where}` : '';
      cached = {
        page: this.#db.prepare(`SELECT * FROM audit ${clause} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`),
        count: this.#db.prepare<[Params], number>(`SELECT count(*) FROM audit ${clause}`).pluck(),
      };
      this.#queries.set(where, cached);
    }
    return cached;
  }
}

function toEntry(row: Row): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    routerId: row.router_id,
    routerName: row.router_name,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    objectName: row.object_name,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    outcome: row.outcome,
    error: row.error,
    planId: row.plan_id,
    resolution: row.resolution ?? null,
    resolvedAt: row.resolved_at ?? null,
  };
}
