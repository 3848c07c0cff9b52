// Addresses WireDesk has promised on an interface but the router does not show yet: the technician's
// reservations, and the rows of imports that stopped half way (a resume must find its addresses still free).
import type { ImportJobsRepository } from '../../store/import-jobs.ts';
import type { ReservationsRepository } from '../../store/reservations.ts';
import { payloadAddresses } from './import-payload.ts';

export class ReservedAddresses {
  readonly #reservations: ReservationsRepository;
  readonly #imports: ImportJobsRepository;

  constructor(reservations: ReservationsRepository, imports: ImportJobsRepository) {
    this.#reservations = reservations;
    this.#imports = imports;
  }

  for(routerId: string, iface: string): string[] {
    const reserved = this.#reservations.list(routerId, iface).map((r) => r.address);
    const importing = this.#imports
      .listResumable(routerId)
      .filter((job) => job.interface === iface)
      .flatMap((job) => this.#imports.remainingRows(job.id).flatMap((row) => payloadAddresses(row.payload)));
    return [...reserved, ...importing];
  }
}
