/** Rows in one Excel sheet (header included); kept apart so screens can check it without loading SheetJS. */
export const XLSX_MAX_ROWS = 1_048_576;
