/** Quoting for SQL text built here: identifiers and string literals. */

/** A SQL identifier, double-quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal that is safe with standard_conforming_strings on or off. */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('NUL byte in an SQL literal');
  const escaped = value.replace(/'/g, "''");
  return value.includes('\\') ? ` E'${escaped.replace(/\\/g, '\\\\')}'` : `'${escaped}'`;
}
