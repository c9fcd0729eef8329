/**
 * A file the user picked or dropped, waiting on the import screen: the File itself (bytes from the desktop
 * dialog are made one), posted to the import worker as a handle and read there by slices — the page never
 * holds its bytes.
 */
export interface FileEntry {
  key: string;
  name: string;
  file: Blob;
}
