import { MessageHeader, MessageReader, type Schema } from 'apache-arrow';

/** An Arrow IPC stream, whole or in the pieces the engine handed over (Db.queryArrow). */
export type IpcStream = Uint8Array | readonly Uint8Array[];

/**
 * The schema and row count of an Arrow IPC stream, from its message headers alone: no column is decoded, so
 * saving and opening a million rows do not build a JS table. Throws when the stream's framing does not add
 * up (a message or body cut short, no schema first).
 */
export function ipcLayout(stream: IpcStream): { schema: Schema; rows: number } {
  const reader = new MessageReader(stream instanceof Uint8Array ? stream : [...stream]);
  const first = reader.readMessage();
  if (!first || first.headerType !== MessageHeader.Schema) throw new Error('an Arrow stream starts with its schema');
  const schema = first.header() as Schema;
  let rows = 0;
  for (let m = reader.readMessage(); m; m = reader.readMessage()) {
    if (m.headerType === MessageHeader.RecordBatch) rows += Number((m.header() as { length: number | bigint }).length);
    // Throws when fewer bytes remain than the header claims.
    reader.readMessageBody(m.bodyLength);
  }
  return { schema, rows };
}
