/**
 * A plain table for pdfkit: wrapped cells, a rule under each row, and a page break before a row
 * that does not fit, with the header repeated on the new page. Rows never split across pages.
 */

export interface Column {
  readonly header: string;
  readonly width: number;
}

export interface Cell {
  readonly text: string;
  readonly bold?: boolean;
}

export interface TableStyle {
  readonly fontSize: number;
  /** Space around the text in a cell. */
  readonly padding: number;
  /** Adds a page like the current one; the caller's, so page setup stays in one place. */
  readonly addPage: () => void;
}

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

function cellHeight(doc: PDFKit.PDFDocument, cell: Cell, width: number, style: TableStyle): number {
  doc.font(cell.bold === true ? BOLD : REGULAR).fontSize(style.fontSize);
  return doc.heightOfString(cell.text, { width: width - 2 * style.padding });
}

function rowHeight(
  doc: PDFKit.PDFDocument,
  columns: readonly Column[],
  cells: readonly Cell[],
  style: TableStyle,
): number {
  const heights = cells.map((cell, i) => cellHeight(doc, cell, columns[i]!.width, style));
  return Math.max(...heights) + 2 * style.padding;
}

function drawRow(
  doc: PDFKit.PDFDocument,
  columns: readonly Column[],
  cells: readonly Cell[],
  y: number,
  height: number,
  style: TableStyle,
): void {
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    const width = columns[i]!.width;
    doc.font(cell.bold === true ? BOLD : REGULAR).fontSize(style.fontSize);
    doc.text(cell.text, x + style.padding, y + style.padding, { width: width - 2 * style.padding });
    x += width;
  });
  const right = columns.reduce((sum, c) => sum + c.width, doc.page.margins.left);
  doc
    .moveTo(doc.page.margins.left, y + height)
    .lineTo(right, y + height)
    .lineWidth(0.5)
    .strokeColor('#888888')
    .stroke()
    .strokeColor('black');
}

/** The height left on the page from `doc.y` down to the bottom margin. */
export function spaceLeft(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom - doc.y;
}

/** Draws the table from `doc.y` and leaves `doc.y` under it. Throws if a row is taller than a page. */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  style: TableStyle,
): void {
  const header = columns.map((c) => ({ text: c.header, bold: true }));
  const headerHeight = rowHeight(doc, columns, header, style);
  const pageRoom = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  const drawHeader = () => {
    const y = doc.y;
    drawRow(doc, columns, header, y, headerHeight, style);
    doc.y = y + headerHeight;
  };
  const heights = rows.map((cells) => rowHeight(doc, columns, cells, style));
  heights.forEach((h, i) => {
    if (h + headerHeight > pageRoom) throw new Error(`table row ${i} is taller than a page`);
  });
  if (spaceLeft(doc) < headerHeight + (heights[0] ?? 0)) style.addPage();
  drawHeader();
  rows.forEach((cells, i) => {
    const h = heights[i]!;
    if (spaceLeft(doc) < h) {
      style.addPage();
      drawHeader();
    }
    const y = doc.y;
    drawRow(doc, columns, cells, y, h, style);
    doc.y = y + h;
  });
  doc.x = doc.page.margins.left;
}
