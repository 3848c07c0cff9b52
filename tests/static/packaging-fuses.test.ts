// The packaging config flips Electron's fuses (docs/packaging.md): the Node back doors are closed and the
// app code can only come from the integrity-checked app.asar. The fuses are bits in the shipped binary,
// so a typo in electron-builder.yml would ship the back doors open without any error: this reads the
// `electronFuses` block and checks every field against electron-builder's own schema (app-builder-lib's
// scheme.json). electron-builder.yml is read with a strict line reader, not a YAML library (none is a
// direct dependency): anything in the block it does not understand fails the test.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

interface SchemaProperty { type?: string | string[]; anyOf?: SchemaProperty[]; $ref?: string }
interface Schema {
  properties: Record<string, SchemaProperty>;
  definitions: Record<string, { properties: Record<string, SchemaProperty>; additionalProperties?: boolean }>;
}
const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as Schema;

/** The fuses WireDesk ships with; every other fuse stays at Electron's default. */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
} as const;

/**
 * The `key: value` lines of one top-level block mapping of a YAML file (two-space indent), as raw
 * strings. Only the subset electron-builder.yml uses is understood; with `strict`, any other line inside
 * the block (deeper nesting, list items, flow style) throws instead of being skipped.
 */
function topLevelBlock(text: string, key: string, strict: boolean): Map<string, string> | undefined {
  const lines = text.split(/\r?\n/);
  const starts = lines.flatMap((line, i) => (new RegExp(`^${key}:`).test(line) ? [i] : []));
  if (starts.length === 0) return undefined;
  if (starts.length > 1) throw new Error(`${key} appears ${starts.length} times at the top level`);
  const start = starts[0]!;
  if (!/^[A-Za-z]+:\s*(#.*)?$/.test(lines[start]!)) throw new Error(`${key} must be a block mapping, found: ${lines[start]}`);
  const fields = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue; // blank or comment
    if (!line.startsWith(' ')) break; // the next top-level key
    const field = /^ {2}([A-Za-z]+): *([^#\s][^#]*?)? *(#.*)?$/.exec(line);
    if (!field) {
      if (strict) throw new Error(`line in ${key} not understood: ${JSON.stringify(line)}`);
      continue;
    }
    if (fields.has(field[1]!)) throw new Error(`${key}.${field[1]} is set twice`);
    fields.set(field[1]!, field[2] ?? '');
  }
  return fields;
}

function yamlBoolean(raw: string, where: string): boolean {
  // Only plain true/false: YAML 1.1 readers also take yes/no/on/off, which is how typos hide.
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new Error(`${where} must be true or false, found ${JSON.stringify(raw)}`);
}

function allowsBoolean(property: SchemaProperty): boolean {
  const types = property.type === undefined ? [] : Array.isArray(property.type) ? property.type : [property.type];
  return types.includes('boolean') || (property.anyOf ?? []).some(allowsBoolean);
}

describe('packaging: Electron fuses', () => {
  const block = topLevelBlock(config, 'electronFuses', true);

  it('flips every required fuse to its hardened value', () => {
    expect(block, 'electron-builder.yml has no electronFuses block').toBeDefined();
    const fuses = Object.fromEntries([...block!].map(([name, raw]) => [name, yamlBoolean(raw, `electronFuses.${name}`)]));
    expect(fuses).toMatchObject(REQUIRED_FUSES);
  });

  it('uses only fields electron-builder knows, each a boolean', () => {
    // electronFuses is a top-level Configuration key, typed FuseOptionsV1 (or null).
    const top = schema.properties.electronFuses;
    expect(top, 'this electron-builder has no electronFuses option').toBeDefined();
    expect(top!.anyOf?.map((a) => a.$ref ?? a.type)).toContain('#/definitions/FuseOptionsV1');
    const fuseSchema = schema.definitions.FuseOptionsV1!;
    expect(fuseSchema.additionalProperties).toBe(false);
    for (const name of Object.keys(REQUIRED_FUSES)) expect(fuseSchema.properties, `schema lacks ${name}`).toHaveProperty(name);
    expect(block, 'electron-builder.yml has no electronFuses block').toBeDefined();
    for (const [name] of block!) {
      const field = fuseSchema.properties[name];
      expect(field, `electronFuses.${name} is not a field of FuseOptionsV1 (known: ${Object.keys(fuseSchema.properties).join(', ')})`).toBeDefined();
      expect(allowsBoolean(field!), `electronFuses.${name} is not a boolean in the schema`).toBe(true);
    }
  });

  it('keeps the app in an asar archive with its integrity hash, which two of the fuses rely on', () => {
    // onlyLoadAppFromAsar with no app.asar would not start; asar integrity with no hash would not check.
    const asar = /^asar:\s*(\S+)/m.exec(config)?.[1];
    expect(asar === undefined || asar === 'true', `asar: ${asar}`).toBe(true);
    expect(config).not.toMatch(/^disableAsarIntegrity:\s*true/m);
  });
});

describe('packaging: signing and notarisation', () => {
  it('signs macOS builds with the hardened runtime and leaves notarisation on', () => {
    const mac = topLevelBlock(config, 'mac', false);
    expect(mac).toBeDefined();
    expect(yamlBoolean(mac!.get('hardenedRuntime') ?? '', 'mac.hardenedRuntime')).toBe(true);
    expect(yamlBoolean(mac!.get('notarize') ?? '', 'mac.notarize')).toBe(true);
  });

  it('keeps identities and passwords out of the repository (they come from the environment at release)', () => {
    // Field names electron-builder would read a certificate, its password or an Apple identity from.
    const secretFields = /^\s*(cscLink|cscKeyPassword|certificateFile|certificatePassword|certificateSubjectName|certificateSha1|identity|appleId|appleIdPassword|appleApiKey|teamId|password)\s*:/im;
    expect(config).not.toMatch(secretFields);
  });
});
