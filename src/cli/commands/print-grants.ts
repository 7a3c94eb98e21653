import { grantStatements } from '../../engine';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';

export const PRINT_GRANTS_HELP = `pg-catchup print-grants: print the statements that let a role run pg-catchup without superuser.

Usage:
  pg-catchup print-grants --role=NAME

Run the output as a superuser on the source (e.g. pipe it into psql).`;

export async function runPrintGrants(argv: string[]): Promise<number> {
  const { values } = parseFlags('print-grants', argv, {
    role: { type: 'string' },
    help: { type: 'boolean', short: '?' },
  });
  if (values.help) {
    process.stdout.write(`${PRINT_GRANTS_HELP}\n`);
    return 0;
  }
  if (!values.role) throw new UsageError('--role is required', 'print-grants');
  process.stdout.write(`${grantStatements(values.role as string).join('\n')}\n`);
  return 0;
}
