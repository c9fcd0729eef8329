/** The message worker-db.ts posts to engine-worker.ts before a bulk insert (shared/db.ts reserveHeapFor). */
export interface ReserveHeap {
  sgwReserveHeap: number;
}

export const reserveHeapMessage = (bytes: number): ReserveHeap => ({ sgwReserveHeap: bytes });

export const isReserveHeap = (data: unknown): data is ReserveHeap =>
  typeof data === 'object' && data !== null && typeof (data as Partial<ReserveHeap>).sgwReserveHeap === 'number';
