/**
 * The Debian package: the single executable as /usr/bin/pg-catchup, its man page and bash
 * completion, built with dpkg-deb (files owned by root whoever builds it). Depends comes from
 * dpkg-shlibdeps, which reads what the executable links (libc, libstdc++, libgcc); without
 * dpkg-dev installed, the list measured for Node 24's official build is used instead.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';

/** What Node 24.22's linux-x64 build needs (dpkg-shlibdeps on Debian 12); used only without dpkg-shlibdeps. */
const MEASURED_DEPENDS = 'libc6 (>= 2.34), libgcc-s1 (>= 3.4), libstdc++6 (>= 10.2)';

export interface DebianPackageInput {
  version: string;
  maintainer: string;
  executable: string;
  manPage: string;
  bashCompletion: string;
  /** Texts for /usr/share/doc/pg-catchup/copyright: ours, then Node's (the executable contains Node). */
  copyright: string;
  /** Seconds since 1970 of the release's commit: dpkg-deb clamps file times to it (reproducible builds). */
  sourceDateEpoch: number;
  /** Scratch directory for the package tree. */
  workDir: string;
  output: string;
}

/** A Debian version from package.json's: "1.2.0-rc.1" sorts before "1.2.0" only as "1.2.0~rc.1". */
export function debianVersion(npmVersion: string): string {
  return npmVersion.replace('-', '~');
}

function dependsOf(executable: string, workDir: string): string {
  const dir = path.join(workDir, 'shlibdeps');
  fs.mkdirSync(path.join(dir, 'debian'), { recursive: true });
  // dpkg-shlibdeps wants a source package around the binary; a two-stanza control file is enough.
  fs.writeFileSync(path.join(dir, 'debian', 'control'), 'Source: pg-catchup\n\nPackage: pg-catchup\nArchitecture: amd64\n');
  try {
    const out = execFileSync('dpkg-shlibdeps', ['-O', path.resolve(executable)], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const m = /^shlibs:Depends=(.+)$/m.exec(out);
    if (m) return m[1].trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  process.stderr.write(`release: dpkg-shlibdeps (package dpkg-dev) is missing: Depends is the measured "${MEASURED_DEPENDS}"\n`);
  return MEASURED_DEPENDS;
}

function install(from: string | Buffer, to: string, mode: number): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (Buffer.isBuffer(from)) fs.writeFileSync(to, from);
  else fs.copyFileSync(from, to);
  fs.chmodSync(to, mode);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

export function buildDebianPackage(input: DebianPackageInput): void {
  const root = path.join(input.workDir, 'deb');
  fs.rmSync(root, { recursive: true, force: true });
  install(input.executable, path.join(root, 'usr/bin/pg-catchup'), 0o755);
  // zlib writes no file name and no time into the gzip header: the same page gzips to the same bytes.
  install(gzipSync(fs.readFileSync(input.manPage), { level: 9 }), path.join(root, 'usr/share/man/man1/pg-catchup.1.gz'), 0o644);
  install(input.bashCompletion, path.join(root, 'usr/share/bash-completion/completions/pg-catchup'), 0o644);
  install(Buffer.from(input.copyright), path.join(root, 'usr/share/doc/pg-catchup/copyright'), 0o644);

  const payload = filesUnder(root);
  const md5sums = payload.map((f) => `${createHash('md5').update(fs.readFileSync(f)).digest('hex')}  ${path.relative(root, f)}\n`).join('');
  const installedKiB = Math.ceil(payload.reduce((n, f) => n + fs.statSync(f).size, 0) / 1024);
  const control = [
    'Package: pg-catchup',
    `Version: ${debianVersion(input.version)}`,
    'Architecture: amd64',
    `Maintainer: ${input.maintainer}`,
    `Installed-Size: ${installedKiB}`,
    `Depends: ${dependsOf(input.executable, input.workDir)}`,
    'Section: database',
    'Priority: optional',
    'Description: clone, re-sync and rewind PostgreSQL standbys',
    ' pg-catchup copies a running PostgreSQL primary into a local data directory',
    ' that starts as a streaming standby (FULL), brings a stopped copy up to date',
    ' by copying only the blocks that changed (DELTA), and resynchronizes an old',
    ' primary after a failover with pg_rewind\'s command line (rewind).',
    ' .',
    ' A single executable with its own JavaScript runtime (Node.js): the host needs',
    ' no Node.js. It talks to the source only through PostgreSQL connections.',
    '',
  ].join('\n');
  install(Buffer.from(control), path.join(root, 'DEBIAN/control'), 0o644);
  install(Buffer.from(md5sums), path.join(root, 'DEBIAN/md5sums'), 0o644);
  for (const d of fs.readdirSync(root, { withFileTypes: true, recursive: true }).filter((e) => e.isDirectory())) {
    fs.chmodSync(path.join(d.parentPath, d.name), 0o755);
  }
  fs.chmodSync(root, 0o755);
  fs.rmSync(input.output, { force: true });
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '-z1', '--build', root, input.output], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SOURCE_DATE_EPOCH: String(input.sourceDateEpoch) },
  });
}
