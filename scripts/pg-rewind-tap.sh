#!/usr/bin/env bash
# PostgreSQL's own pg_rewind TAP suite (src/bin/pg_rewind/t/*.pl), from the Debian source of
# the installed postgresql-15, run against the installed binaries: once with the real pg_rewind
# and once with `pg-catchup rewind` on PATH as `pg_rewind` (arguments passed on verbatim).
#
# Usage: scripts/pg-rewind-tap.sh [--impl real|ours|both] [--cli dist|src|FILE.js] [--jobs N] [TEST...]
#   --impl   which pg_rewind to test (default both; real first, as the reference)
#   --cli    ours from dist/cli/index.js (default), from src/ through tsx (dist/ may be stale),
#            or from another bundle of src/cli/main.ts (npx ncc build src/cli/main.ts -o DIR)
#   --jobs   test files run at once per implementation (default 2)
#   TEST     test files by number or name, e.g. 001 009_growing_files (default: all)
#
# Installs what is missing from Debian (deb-src entries, the source package, libipc-run-perl,
# dpkg-dev), caches it in .cache/pg-rewind-tap/, runs the servers as the unprivileged user
# pgcatchup when run as root (PostgreSQL refuses root), and prints per file pass/fail and
#   pg_rewind TAP (real): N passed, N failed
#   pg_rewind TAP (ours): N passed, N failed
# counting single TAP tests: a test that never ran because its file died counts as failed.
# Exits non-zero when any test of either run fails. Logs: .cache/pg-rewind-tap/run/IMPL/.
set -euo pipefail
# One compound command: bash parses it whole before running it, so editing this file while it
# runs cannot change what a running copy does.
{
repo=$(cd "$(dirname "$0")/.." && pwd)
cache="$repo/.cache/pg-rewind-tap"
pg_bin=/usr/lib/postgresql/15/bin
pg_regress=/usr/lib/postgresql/15/lib/pgxs/src/test/regress/pg_regress
os_user=${PG_CATCHUP_TEST_OS_USER:-pgcatchup}

impls=(real ours)
cli=dist
jobs=2
selected=()
while [ $# -gt 0 ]; do
  case "$1" in
    --impl) shift; case "${1:-}" in real|ours) impls=("$1") ;; both) impls=(real ours) ;;
              *) echo "pg-rewind-tap: --impl takes real, ours or both" >&2; exit 2 ;; esac ;;
    --impl=*) set -- "--impl" "${1#--impl=}" "${@:2}"; continue ;;
    --cli) shift; case "${1:-}" in dist|src|*.js) cli=$1 ;;
              *) echo "pg-rewind-tap: --cli takes dist, src or a .js bundle" >&2; exit 2 ;; esac ;;
    --cli=*) set -- "--cli" "${1#--cli=}" "${@:2}"; continue ;;
    --jobs) shift; [[ "${1:-}" =~ ^[1-9][0-9]*$ ]] || { echo "pg-rewind-tap: --jobs takes a number" >&2; exit 2; }; jobs=$1 ;;
    --jobs=*) set -- "--jobs" "${1#--jobs=}" "${@:2}"; continue ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "pg-rewind-tap: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) selected+=("$1") ;;
  esac
  shift
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
mkdir -p "$cache"
# apt's output goes to a log, shown only when it fails.
apt_quiet() {
  echo "pg-rewind-tap: apt-get $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confold "$@" </dev/null >"$cache/apt.log" 2>&1 ||
    { cat "$cache/apt.log" >&2; echo "pg-rewind-tap: apt-get $* failed" >&2; exit 1; }
}

# --- What we need from Debian -------------------------------------------------------------
packages=()
if [ ! -x "$pg_bin/postgres" ] || [ ! -x "$pg_regress" ]; then
  # No default cluster: the suite starts its own servers.
  as_root mkdir -p /etc/postgresql-common
  echo 'create_main_cluster = false' | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  packages+=(postgresql-15 postgresql-client-15)
fi
perl -MIPC::Run -e1 2>/dev/null || packages+=(libipc-run-perl)
command -v prove >/dev/null || packages+=(perl)
command -v dpkg-source >/dev/null || packages+=(dpkg-dev) # apt-get source unpacks with it
if [ "${#packages[@]}" -gt 0 ]; then
  apt_quiet update
  apt_quiet install -y "${packages[@]}"
fi

# The exact source of the installed server: its tests and its Perl test framework.
version=$(dpkg-query -W -f='${Version}' postgresql-15)
src_root="$cache/source/$version"
src_dir=$(find "$src_root" -mindepth 1 -maxdepth 1 -type d -name 'postgresql-15-*' 2>/dev/null | head -n1 || true)
if [ -z "$src_dir" ] || [ ! -f "$src_dir/src/bin/pg_rewind/t/RewindTest.pm" ]; then
  if ! apt-get source --print-uris "postgresql-15=$version" </dev/null >/dev/null 2>&1; then
    # Debian's stock sources list has no deb-src entries: add them for the suites deb lines use.
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
    as_root tee /etc/apt/sources.list.d/pg-rewind-tap-deb-src.sources >/dev/null <<EOF
# Added by pg-catchup's scripts/pg-rewind-tap.sh: the source of postgresql-15 for its TAP tests.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $codename $codename-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: $codename-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt_quiet update
  fi
  rm -rf "$src_root"
  mkdir -p "$src_root"
  if ! (cd "$src_root" && apt-get source "postgresql-15=$version" </dev/null >"$src_root/apt-get-source.log" 2>&1); then
    cat "$src_root/apt-get-source.log" >&2
    echo "pg-rewind-tap: apt-get source postgresql-15=$version failed: the installed server's exact source is not in the apt sources; upgrade postgresql-15 to a version apt offers (apt-cache showsrc postgresql-15)" >&2
    exit 1
  fi
  src_dir=$(find "$src_root" -mindepth 1 -maxdepth 1 -type d -name 'postgresql-15-*' | head -n1)
fi
tests_dir="$src_dir/src/bin/pg_rewind"

# --- Who runs the servers -----------------------------------------------------------------
if [ "$(id -u)" = 0 ]; then
  getent passwd "$os_user" >/dev/null || useradd --system --create-home --shell /bin/bash "$os_user"
  run_user=$os_user
else
  run_user=$(id -un)
fi
user_home=$(getent passwd "$run_user" | cut -d: -f6)

# --- The pg_rewind that "ours" puts first on PATH ------------------------------------------
ours_bin="$cache/ours-bin"
mkdir -p "$ours_bin"
case "$cli" in
  src) run_cli="exec $(printf '%q' "$repo/node_modules/.bin/tsx") $(printf '%q' "$repo/src/cli/main.ts") rewind \"\$@\"" ;;
  *) bundle=$repo/dist/cli/index.js; [ "$cli" = dist ] || bundle=$(realpath -m "$cli")
     [ -f "$bundle" ] || { echo "pg-rewind-tap: $bundle is missing: run npm run package, or use --cli src" >&2; exit 1; }
     run_cli="exec node $(printf '%q' "$bundle") rewind \"\$@\"" ;;
esac
cat >"$ours_bin/pg_rewind" <<EOF
#!/bin/sh
# pg-catchup rewind as pg_rewind, for PostgreSQL's pg_rewind TAP suite (scripts/pg-rewind-tap.sh).
$run_cli
EOF
chmod 755 "$ours_bin/pg_rewind"

# --- The test files -----------------------------------------------------------------------
files=()
for f in "$tests_dir"/t/*.pl; do
  name=$(basename "$f" .pl)
  if [ "${#selected[@]}" -eq 0 ]; then files+=("$name"); continue; fi
  for s in "${selected[@]}"; do
    case "$name" in "$s"|"$s"_*|"${s%.pl}") files+=("$name"); break ;; esac
  done
done
[ "${#files[@]}" -gt 0 ] || { echo "pg-rewind-tap: no test file matches ${selected[*]}" >&2; exit 2; }

# Counts one file's TAP output: "PASSED FAILED" on stdout. A test that never printed a result
# because the file died counts as failed: the plan says how many there were, or, when the file
# died before printing it (done_testing), the real pg_rewind's count for that file, if known.
# A file that failed with nothing counted counts one failure.
count_tap() {
  local out=$1 prove_status=$2 expected=${3:-0}
  awk -v status="$prove_status" -v expected="$expected" '
    /^ok [0-9]+/ { pass++; next }
    /^not ok [0-9]+/ { if ($0 ~ /# TODO/) pass++; else fail++; next }
    /^1\.\.[0-9]+/ { sub(/^1\.\./, ""); plan = $0 + 0 }
    END {
      if (plan < expected) plan = expected
      missing = plan - pass - fail; if (missing < 0) missing = 0
      fail += missing
      if (status != 0 && fail == 0) fail = 1
      print pass + 0, fail + 0
    }' "$out"
}

run_impl() {
  local impl=$1 path
  local run_dir="$cache/run/$impl"
  rm -rf "$run_dir"
  mkdir -p "$run_dir/tap"
  if [ "$(id -u)" = 0 ]; then chown "$run_user" "$cache/run"; chown -R "$run_user" "$run_dir"; fi
  if [ "$impl" = ours ]; then path="$ours_bin:$pg_bin:/usr/local/bin:/usr/bin:/bin"; else path="$pg_bin:/usr/local/bin:/usr/bin:/bin"; fi
  # What PostgreSQL's Makefile (prove_installcheck) gives the suite, for installed binaries.
  local -a env=(env -i "PATH=$path" "HOME=$user_home" "LANG=C.UTF-8"
    "PERL5LIB=$src_dir/src/test/perl:$tests_dir/t" "PG_REGRESS=$pg_regress"
    "TESTDIR=$run_dir" "PG_TEST_PORT_DIR=$cache/run" "PG_TEST_TIMEOUT_DEFAULT=120")
  local -a prefix=()
  if [ "$(id -u)" = 0 ]; then prefix=(runuser -u "$run_user" --); fi
  # One prove per file, $jobs at a time: each file's TAP output in its own file.
  printf '%s\n' "${files[@]}" | xargs -P "$jobs" -I{} bash -c '
      out=$1/tap/$2; shift 2
      cd "$1" && shift
      status=0; start=$(date +%s)
      "$@" prove -v "t/$(basename "$out").pl" >"$out.out" 2>&1 || status=$?
      echo "$status" >"$out.status"; echo $(( $(date +%s) - start )) >"$out.seconds"' _ "$run_dir" {} "$tests_dir" "${prefix[@]}" "${env[@]}"
  local f total_pass=0 total_fail=0 files_ok=0 p fl status expected seconds
  local expected_dir="$cache/expected/$version"
  mkdir -p "$expected_dir"
  for f in "${files[@]}"; do
    status=$(cat "$run_dir/tap/$f.status")
    expected=$(cat "$expected_dir/$f" 2>/dev/null || echo 0)
    read -r p fl < <(count_tap "$run_dir/tap/$f.out" "$status" "$expected")
    if [ "$impl" = real ] && [ "$status" = 0 ]; then echo "$p" >"$expected_dir/$f"; fi
    total_pass=$((total_pass + p)); total_fail=$((total_fail + fl))
    seconds=$(cat "$run_dir/tap/$f.seconds")
    if [ "$status" = 0 ] && [ "$fl" = 0 ]; then
      files_ok=$((files_ok + 1)); printf '  %-24s ok      %3d s  (%d tests)\n' "$f" "$seconds" "$p"
    else
      printf '  %-24s FAILED  %3d s  (%d passed, %d failed)\n' "$f" "$seconds" "$p" "$fl"
    fi
  done
  echo "  $files_ok of ${#files[@]} files pass; TAP output in $run_dir/tap/, server and test logs in $run_dir/tmp_check/log/"
  echo "pg_rewind TAP ($impl): $total_pass passed, $total_fail failed" >>"$cache/summary"
  [ "$total_fail" = 0 ]
}

echo "PostgreSQL $version pg_rewind TAP suite ($tests_dir/t)"
: >"$cache/summary"
status=0
for impl in "${impls[@]}"; do
  label=$impl; [ "$impl" = real ] && label="real ($pg_bin/pg_rewind)" || label="ours (pg-catchup rewind from $cli)"
  echo "pg_rewind: $label"
  start=$(date +%s)
  run_impl "$impl" || status=1
  echo "  $(( $(date +%s) - start )) s"
done
cat "$cache/summary"
exit "$status"
}
