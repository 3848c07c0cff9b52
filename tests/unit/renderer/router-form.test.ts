import { describe, expect, it } from 'vitest';
import type { RouterProfile } from '../../../src/contract/index.ts';
import { emptyForm, formFromProfile, switchTransport, toUpdate, validateForm } from '../../../renderer/features/routers/router-form.ts';

const profile: RouterProfile = {
  id: 'r1',
  name: 'Acme HQ',
  host: '10.0.0.1',
  port: 8729,
  transport: 'api-ssl',
  username: 'admin',
  tlsFingerprint: null,
  allowAnonymousTls: false,
  identity: null,
  version: null,
  board: null,
  isDemo: false,
};

describe('switchTransport', () => {
  it('moves a default port along with the transport', () => {
    const form = switchTransport(emptyForm(), 'api');
    expect(form.port).toBe('8728');
    expect(switchTransport(form, 'api-ssl').port).toBe('8729');
  });
  it('keeps a port the user typed', () => {
    const form = switchTransport({ ...emptyForm(), port: '9999' }, 'api');
    expect(form.port).toBe('9999');
  });
});

describe('validateForm', () => {
  it('reports each broken field with an i18n key and the schema sentence', () => {
    const { draft, errors } = validateForm({ ...emptyForm(), name: ' ', host: '10.0.0.300', port: '87a', username: '' });
    expect(draft).toBeNull();
    expect(errors.name?.key).toBe('routerForm.errors.nameRequired');
    expect(errors.host?.key).toBe('routerForm.errors.hostInvalid');
    expect(errors.port?.key).toBe('routerForm.errors.portNumber');
    expect(errors.username?.key).toBe('routerForm.errors.usernameRequired');
    expect(errors.host?.message).toMatch(/IPv4/);
  });
  it('says a pasted tab or line break is what is wrong with a name, not that the name is missing', () => {
    const { errors } = validateForm({ ...emptyForm(), name: 'Ofis\tMerkez', host: 'r.example.com', username: 'ad\tmin' });
    expect(errors.name?.key).toBe('routerForm.errors.nameControl');
    expect(errors.username?.key).toBe('routerForm.errors.usernameControl');
  });

  it('distinguishes port range and whole numbers', () => {
    expect(validateForm({ ...emptyForm(), name: 'a', host: 'r.example.com', port: '70000' }).errors.port?.key).toBe('routerForm.errors.portRange');
    expect(validateForm({ ...emptyForm(), name: 'a', host: 'r.example.com', port: '1.5' }).errors.port?.key).toBe('routerForm.errors.portWhole');
  });
  it('returns the parsed, trimmed draft when valid', () => {
    const { draft, errors } = validateForm({ ...emptyForm(), name: '  Acme  ', host: ' 192.168.88.1 ', password: 'x' });
    expect(errors).toEqual({});
    expect(draft).toMatchObject({ name: 'Acme', host: '192.168.88.1', port: 8729, transport: 'api-ssl', password: 'x' });
  });
});

describe('toUpdate', () => {
  it('sends only changed fields and keeps the stored password when blank', () => {
    const { draft } = validateForm({ ...formFromProfile(profile), name: 'Acme Istanbul' });
    expect(toUpdate(profile, draft!)).toEqual({ id: 'r1', name: 'Acme Istanbul', password: null });
  });
  it('sends a removed certificate pin as null', () => {
    const pinned = { ...profile, tlsFingerprint: 'AA:'.repeat(31) + 'AA' };
    const { draft } = validateForm({ ...formFromProfile(pinned), tlsFingerprint: null, password: 'new' });
    expect(toUpdate(pinned, draft!)).toEqual({ id: 'r1', tlsFingerprint: null, password: 'new' });
  });
});
