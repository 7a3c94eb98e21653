#!/usr/bin/env bash
# ansible-test sanity for the pgcatchup.postgresql collection, on a machine without PyPI.
#
# ansible-test runs each sanity test that has Python requirements (ansible-doc, import, pep8,
# pylint, runtime-metadata, validate-modules, yamllint) in a virtual environment it fills with
# pip from PyPI; without PyPI it stops ("does not have pip available"). Here each of those
# environments is made beforehand, where ansible-test looks for it, as a venv that sees Debian's
# packages (apt-get install ansible-core python3-voluptuous python3-pycodestyle pylint yamllint)
# and carries the marker ansible-test writes after its pip step, so ansible-test uses it as is.
# The versions are Debian 12's, not ansible-test's pins (pylint 2.16 for 2.15.5, pycodestyle
# 2.10 for 2.9.1, voluptuous 0.12.2 for 0.13.1), and the import test's environment sees the
# system's packages too, where ansible-test's would hold only PyYAML.
set -euo pipefail
cd "$(dirname "$0")/collections/ansible_collections/pgcatchup/postgresql"

# The Python of Debian's ansible-test (3.11 on Debian 12): the one whose packages it sees.
python=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
with_requirements=(ansible-doc import pep8 pylint runtime-metadata validate-modules yamllint)

for t in "${with_requirements[@]}"; do
  # --prime-venvs only creates the test's environment; the log names where it goes.
  log=$(ansible-test sanity --local --python "$python" --test "$t" --prime-venvs -v 2>&1 || true)
  for venv in $(grep -o 'virtual environment using "venv": [^ ]*' <<<"$log" | sed 's/.*: //' | sort -u); do
    [ -f "$venv/marker.txt" ] && continue
    rm -rf "$venv"
    "/usr/bin/python$python" -m venv --system-site-packages --without-pip "$venv"
    echo true >"$venv/meta.yaml.json"     # PyYAML with libyaml: Debian's python3-yaml has it
    echo '[]' >"$venv/meta.install.json"
    echo "made from Debian packages by ansible/sanity.sh" >"$venv/marker.txt"
  done
done

ansible-test sanity --local --python "$python" "$@"
