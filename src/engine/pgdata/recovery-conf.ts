/** The line appended to postgresql.auto.conf (a GUC string literal: quotes doubled). */
export function autoConfLines(conninfo: string): string {
  return `# Written by pg-catchup -R\nprimary_conninfo = '${conninfo.replace(/\\/g, '\\\\').replace(/'/g, "''")}'\n`;
}
