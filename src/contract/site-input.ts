// What the "Connect two sites" dialog sends: one side per router. Its own file because both the site channels
// (configs.ts) and the change previews (management.ts, kind site.link) take it, and configs.ts imports from
// management.ts: defined in either, the other would import it in a cycle.
import { z } from 'zod';
import { routerIdSchema } from './models.ts';
import { addressListSchema, endpointTextSchema, wgInterfaceNameSchema, withoutControlCharacters } from './fields.ts';

const addressList = addressListSchema('Enter addresses as text like 192.168.88.0/24 (several separated by commas).');

export const siteSideInputSchema = z.object({
  routerId: routerIdSchema,
  interface: wgInterfaceNameSchema,
  /** This site's networks the other site should reach. Default: this router's private LANs. */
  lans: addressList.optional(),
  /** host:port where the OTHER router reaches this one; null: it cannot (behind NAT), the other side must be dialable. */
  endpoint: endpointTextSchema.min(1, 'Enter the host:port where the other router reaches this one, or leave it empty.').nullable().optional(),
  /** Name of the peer made on the other router for this site. Default: site-<this router's name>. */
  peerName: withoutControlCharacters(z.string().trim().min(1, 'Name the peer, for example site-branch.').max(63, 'The peer name is too long (63 characters at most).')).optional(),
});

export const sitesInputSchema = z.object({ a: siteSideInputSchema, b: siteSideInputSchema });
