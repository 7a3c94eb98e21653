import { runRewind } from '../../../src/cli/commands/rewind';
import { UsageError } from '../../../src/cli/usage-error';

/** pg_rewind's usage rules that ours keeps, refused before anything is read or written. */
describe('rewind command line', () => {
  test('--source-pgdata with --source-server is refused as pg_rewind refuses it', async () => {
    const run = runRewind(['-D', '/nonexistent/target', '--source-pgdata', '/nonexistent/source', '--source-server', 'incorrect_source']);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(runRewind(['-D', '/t', '--source-pgdata=/s', '--source-server=host=x'])).rejects.toThrow(/only one of --source-pgdata or --source-server/);
  });

  test('--config-file is an option (pg_rewind 15+), and a missing file is a usage error', async () => {
    await expect(runRewind(['-D', '/t', '--source-pgdata=/s', '--config-file', '/nonexistent/postgresql.conf'])).rejects.toThrow(/--config-file: cannot read/);
    await expect(runRewind(['-D', '/t', '--source-pgdata=/s', '--config-file=/nonexistent/postgresql.conf'])).rejects.toBeInstanceOf(UsageError);
  });

  test('an unknown option and a stray argument are refused', async () => {
    await expect(runRewind(['-D', '/t', '--source-pgdata=/s', '--no-such-option'])).rejects.toThrow(/Unknown option/);
    await expect(runRewind(['-D', '/t', '--source-pgdata=/s', 'extra_arg1'])).rejects.toBeInstanceOf(UsageError);
  });
});
