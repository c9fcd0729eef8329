/** Rows in one Excel sheet (header included); kept apart so screens can check it without loading SheetJS. */
export const XLSX_MAX_ROWS = 1_048_576;
/**
 * Cells of a pivot written as a Word table (header included): 50,000 fill some 300 printed pages already; a
 * bigger pivot is for Excel (Word slows to a crawl on a table of millions of cells).
 */
export const DOCX_MAX_PIVOT_CELLS = 50_000;
