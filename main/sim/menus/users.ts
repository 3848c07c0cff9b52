// /user and /user/group: who may log in and with which policies. Printed as RouterOS does, a group's
// `policy` lists every policy, the denied ones prefixed with '!', so clients can check their rights.
import type { MenuDefinition } from './spec.ts';
import { asBoolean } from '../values/parse.ts';

export const userGroupMenu: MenuDefinition = {
  path: '/user/group',
  kind: 'list',
  nameField: 'name',
  fields: [
    { name: 'name', required: true },
    { name: 'policy', required: true },
    { name: 'skin', initial: () => 'default' },
    { name: 'comment', optional: true },
  ],
};

export const userMenu: MenuDefinition = {
  path: '/user',
  kind: 'list',
  nameField: 'name',
  fields: [
    { name: 'name', required: true },
    { name: 'group', required: true },
    { name: 'address', initial: () => '' },
    { name: 'last-logged-in', readOnly: true, compute: () => undefined },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
    { name: 'comment', optional: true },
  ],
};
