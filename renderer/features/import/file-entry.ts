/** A file the user picked or dropped, waiting on the import screen. */
export interface FileEntry {
  key: string;
  name: string;
  bytes: Uint8Array;
}
