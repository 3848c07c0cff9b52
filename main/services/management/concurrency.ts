// Runs work over items with a few commands in flight at once: the RouterOS API multiplexes tagged commands,
// so a bulk change or import of hundreds of peers is not paced by one round trip per peer.
export const IN_FLIGHT = 8;

export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
