// A `!trap` reply as a value: handlers throw it, the session turns it into the reply sentence.
// Messages and categories copy what real routers send (see shared/reference/routeros-samples.md).
// `no such item (4)`: the API's text with its code, as ../shared/reference/routeros-api.md records ("Error texts
// carry prefixes and codes") and RouterOS clients match it: Ansible community.routeros tests/unit fake_api.py
// (`TrapError(message="no such item (4)")` for remove/set of an unknown id), a PHP client comparing the trap word
// with `=message=no such item (4)` after `/radius/remove`. Its category 0 is not confirmed.

export class SimTrap extends Error {
  /** RouterOS trap category (0 missing item/command, 1 argument value, 2 interrupted, ...); often absent. */
  readonly category: number | undefined;

  constructor(message: string, category?: number) {
    super(message);
    this.name = 'SimTrap';
    this.category = category;
  }
}

export const traps = {
  unknownParameter: (name: string) => new SimTrap(`unknown parameter ${name}`, 1),
  invalidValue: (name: string) => new SimTrap(`invalid value for argument ${name}`, 1),
  /** A two-value enum given something else (community.routeros #370, 7.18.2: `must be either yes or no`). */
  notEither: (name: string, a: string, b: string) => new SimTrap(`invalid value of ${name}, must be either ${a} or ${b}`, 1),
  outOfRange: (name: string, range: string) => new SimTrap(`value of ${name} out of range (${range})`, 1),
  missing: (names: string[]) => new SimTrap(`missing value(s) of argument(s) ${names.join(' ')}`, 1),
  noSuchItem: () => new SimTrap('no such item (4)', 0),
  noMatch: (name: string) => new SimTrap(`input does not match any value of ${name}`, 1),
  ambiguous: (name: string) => new SimTrap(`ambiguous value of ${name}, more than one possible value matches input`, 1),
  exists: () => new SimTrap('failure: entry already exists'),
  dynamic: () => new SimTrap('can not change dynamic'),
  permissions: () => new SimTrap('not enough permissions (9)'),
  interrupted: () => new SimTrap('interrupted', 2),
};
