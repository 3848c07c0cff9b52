// One row of a RouterOS menu. Values are the raw bytes written to it; read-only fields are computed at print time.

/** `*1A` <-> 26. */
export function formatId(id: number): string {
  return `*${id.toString(16).toUpperCase()}`;
}

export function parseId(text: string): number | null {
  return /^\*[0-9a-fA-F]{1,8}$/.test(text) ? parseInt(text.slice(1), 16) : null;
}

export class Row {
  readonly id: number;
  readonly values: Map<string, Buffer>;
  /** Created by the router itself (Back To Home, DHCP client): read-only over the API. */
  readonly dynamic: boolean;

  constructor(id: number, values: Map<string, Buffer>, dynamic: boolean) {
    this.id = id;
    this.values = values;
    this.dynamic = dynamic;
  }

  /** `*1A` */
  get idText(): string {
    return formatId(this.id);
  }

  /** Stored value decoded as UTF-8 (for assertions and for values that are ASCII by nature). */
  get(name: string): string | undefined {
    return this.values.get(name)?.toString('utf8');
  }

  /** Stored value as raw bytes. */
  raw(name: string): Buffer | undefined {
    return this.values.get(name);
  }

  isDisabled(): boolean {
    return this.get('disabled') === 'true';
  }
}
