/**
 * HTML for the job summary. core.summary.addTable leaves an empty cell's <td> unclosed; every cell
 * here is closed, and every text is escaped.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A table of text cells (escaped here); the first row is the header. */
export function htmlTable(header: string[], rows: string[][]): string {
  const row = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  return `<table>${row(header, 'th')}${rows.map((r) => row(r, 'td')).join('')}</table>`;
}
