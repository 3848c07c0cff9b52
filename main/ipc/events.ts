// Pushed events: validated against the contract before any transport sees them.
import { eventContract, type EventChannel, type EventPayload } from '../../src/contract/index.ts';

export type EventSink = (event: EventChannel, payload: unknown) => void;

export class EventBus {
  private readonly sinks = new Set<EventSink>();

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    // Parsing strips fields outside the contract, as for invoke outputs.
    const clean = eventContract[event].parse(payload);
    for (const sink of this.sinks) sink(event, clean);
  }
}
