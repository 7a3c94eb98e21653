#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: pg-catchup contributors
# MIT License (see galaxy.yml)

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r'''
---
module: pg_catchup
short_description: Clone, re-sync or rewind a PostgreSQL standby with pg-catchup
version_added: "0.1.0"
description:
  - A thin shell over the C(pg-catchup) command line installed on the managed host. It runs
    C(pg-catchup catchup), C(preflight) or C(rewind) with C(--json) and returns the run's report.
  - The work, every check and every refusal are pg-catchup's own. A refusal happens before the
    first write and fails the task with pg-catchup's message and fix; a failed sync is resumed
    by running the same task again.
  - C(changed) comes from the report (files, blocks or WAL written, recovery configuration
    written). A preflight never changes anything.
  - In check mode, catchup runs with C(--dry-run) (FULL then runs its checks and measures what
    it would copy) and rewind with C(--dry-run); preflight runs as always. None of them writes
    to the target.
  - Run it on the host that holds the target, as root or as the PostgreSQL OS user (use
    C(become)). The target must be stopped for DELTA, PTRACK and rewind; this module does not
    stop or start servers.
author:
  - pg-catchup contributors (@your-org)
options:
  command:
    description:
      - C(catchup) copies the source into the target (FULL) or brings a stopped copy up to date
        (DELTA, PTRACK); C(preflight) runs every check a catchup would run and changes nothing;
        C(rewind) resynchronizes an old primary after failover, as pg_rewind does.
    type: str
    choices: [catchup, preflight, rewind]
    default: catchup
  mode:
    description:
      - The backup mode of C(catchup) and C(preflight) (C(-b)). C(AUTO) is FULL for an absent or
        empty target, else DELTA. Not used by C(rewind).
    type: str
    choices: [AUTO, FULL, DELTA, PTRACK]
    default: AUTO
  target_pgdata:
    description:
      - The target data directory on the managed host (C(-D)).
    type: path
    required: true
    aliases: [pgdata]
  source_conninfo:
    description:
      - The source server as a libpq conninfo string or a C(postgresql://) URI (C(-d) for
        catchup and preflight, C(--source-server) for rewind).
      - Keep passwords out of it (the command line is visible to other users of the host); use
        I(source_password), C(PGPASSWORD) through C(environment), or the OS user's C(~/.pgpass).
    type: str
  source_host:
    description:
      - The source server's host or socket directory (C(-h)).
    type: str
  source_port:
    description:
      - The source server's port (C(-p)).
    type: int
  source_user:
    description:
      - The role to connect as (C(-U)); it needs REPLICATION and the grants of
        C(pg-catchup print-grants).
    type: str
  source_password:
    description:
      - The role's password, handed to pg-catchup in C(PGPASSWORD), never on its command line
        and never in the result.
    type: str
  source_pgdata:
    description:
      - Read the source from this data directory on the managed host, of a cleanly stopped
        cluster, instead of connecting (C(--source-pgdata)). The connection options then only
        name the server that I(write_recovery_conf) writes into C(primary_conninfo).
    type: path
  threads:
    description:
      - Parallel connections reading the source (C(-j)), 1 to 64. Not used by C(preflight).
    type: int
  write_recovery_conf:
    description:
      - Write C(standby.signal) and C(primary_conninfo), so that the target starts as a standby
        of the source (C(-R)). Not used by C(preflight).
    type: bool
    default: true
  dry_run:
    description:
      - Build and report the plan, change nothing (C(--dry-run)). Check mode implies it.
    type: bool
    default: false
  exclude_path:
    description:
      - Target paths, relative to the data directory, that the run neither copies from the
        source nor removes (C(--exclude-path)), e.g. C(postgresql.conf), C(pg_hba.conf).
    type: list
    elements: str
    default: []
  fail_on_warning:
    description:
      - A warning of the preflight checks fails the run too (C(--fail-on-warning)). Not used by
        C(rewind).
    type: bool
    default: false
  extra_args:
    description:
      - More pg-catchup flags, each one item, e.g. C(--max-rate=50M) or C(--sync-method=syncfs).
        pg-catchup refuses a flag it does not know (the task then fails with its usage error).
    type: list
    elements: str
    default: []
  executable:
    description:
      - The pg-catchup program, as a name looked up on C(PATH) or an absolute path.
    type: str
    default: pg-catchup
notes:
  - Check mode is supported (see the description); diff mode is not.
  - C(--json) and C(--report) are always passed, since the report is what the result is made of.
requirements:
  - pg-catchup on the managed host (the Debian package, the single executable, or the npm
    package's C(dist/cli/index.js) run by Node.js 20 or later through a wrapper script).
seealso:
  - name: pg-catchup README
    description: The command line, the modes, what is refused and why.
    link: https://github.com/your-org/pg-catchup#readme
'''

EXAMPLES = r'''
- name: Re-sync a stopped standby (FULL into an empty directory, DELTA otherwise)
  become: true
  become_user: postgres
  pgcatchup.postgresql.pg_catchup:
    target_pgdata: /var/lib/postgresql/15/main
    source_host: primary.internal
    source_user: replicator
    threads: 2
    exclude_path: [postgresql.conf, pg_hba.conf]
  register: synced

- name: Run only the checks
  pgcatchup.postgresql.pg_catchup:
    command: preflight
    mode: DELTA
    target_pgdata: /var/lib/postgresql/15/main
    source_conninfo: host=primary.internal port=5432 user=replicator

- name: Rewind the old primary after a failover
  pgcatchup.postgresql.pg_catchup:
    command: rewind
    target_pgdata: /var/lib/postgresql/15/main
    source_conninfo: host=new-primary.internal user=replicator
    source_password: "{{ replicator_password }}"
'''

RETURN = r'''
report:
  description:
    - The run's report, as C(pg-catchup --json) prints it, in the format of report.schema.json
      (mode, status, source, target, LSNs, files, checks, warnings, divergence, discarded work,
      next step). Absent only when pg-catchup refused its command line (exit status 2).
  returned: when pg-catchup produced a report
  type: dict
  sample: {"command": "catchup", "mode": "DELTA", "modeRequested": "AUTO", "status": "success"}
status:
  description: The report's status, C(success), C(failed), C(dry-run) or C(no-op) (rewind, nothing to do).
  returned: when pg-catchup produced a report
  type: str
  sample: success
mode:
  description: The mode that ran, C(FULL), C(DELTA), C(PTRACK) or C(rewind).
  returned: when pg-catchup produced a report
  type: str
  sample: DELTA
fix:
  description: What to do about a refusal or failure, in pg-catchup's words.
  returned: failed
  type: str
  sample: Start the source, or point the task at the running primary.
next_step:
  description: What the operator should do next, from the report.
  returned: when pg-catchup produced a report
  type: str
  sample: "Start the target as a standby: pg_ctl start -D /var/lib/postgresql/15/main"
cmd:
  description: The command that ran (a password is never on it).
  returned: always
  type: list
  elements: str
  sample: ["pg-catchup", "catchup", "-b", "AUTO", "-D", "/var/lib/postgresql/15/main", "--json"]
rc:
  description: pg-catchup's exit status, 0 success, 1 failed or refused, 2 bad usage.
  returned: always
  type: int
  sample: 0
stderr:
  description: pg-catchup's log (progress, warnings, the error line).
  returned: always
  type: str
  sample: "pg-catchup: mode DELTA (the target holds a data directory)"
'''

import json
import os
import shutil
import tempfile

from ansible.module_utils.basic import AnsibleModule


def source_flags(params):
    """The source as catchup and preflight take it: -d, -h, -p, -U and --source-pgdata."""
    flags = []
    for option, flag in (('source_conninfo', '-d'), ('source_host', '-h'), ('source_port', '-p'), ('source_user', '-U')):
        if params[option] is not None:
            flags += [flag, str(params[option])]
    if params['source_pgdata']:
        flags += ['--source-pgdata', params['source_pgdata']]
    return flags


def source_server(params):
    """The source as rewind takes it: one conninfo for --source-server (host, port, user appended)."""
    parts = [params['source_conninfo']] if params['source_conninfo'] else []
    for option, keyword in (('source_host', 'host'), ('source_port', 'port'), ('source_user', 'user')):
        if params[option] is not None:
            parts.append("%s='%s'" % (keyword, str(params[option]).replace('\\', '\\\\').replace("'", "\\'")))
    return ' '.join(parts) or None


def build_argv(params, dry_run, report_path):
    """pg-catchup's command line for the task: only the flags the chosen command takes."""
    command = params['command']
    argv = [params['executable'], command]
    if command == 'rewind':
        argv += ['-D', params['target_pgdata']]
        server = source_server(params)
        if server:
            argv += ['--source-server', server]
        if params['source_pgdata']:
            argv += ['--source-pgdata', params['source_pgdata']]
    else:
        argv += ['-b', params['mode'], '-D', params['target_pgdata']] + source_flags(params)
    for path in params['exclude_path']:
        argv += ['--exclude-path', path]
    if command != 'preflight':
        if params['threads'] is not None:
            argv += ['-j', str(params['threads'])]
        if params['write_recovery_conf']:
            argv.append('-R')
        if dry_run:
            argv.append('--dry-run')
    if params['fail_on_warning'] and command != 'rewind':
        argv.append('--fail-on-warning')
    return argv + ['--json', '--report', report_path] + params['extra_args']


def read_report(stdout, report_path):
    """The report from --json on stdout, else from --report's file (written on failure too)."""
    for text in (stdout, read_file(report_path)):
        if text and text.strip():
            try:
                return json.loads(text)
            except ValueError:
                continue
    return None


def read_file(path):
    try:
        with open(path) as f:
            return f.read()
    except (IOError, OSError):
        return None


def wrote_target(report):
    """Whether the run wrote the target (or, as a dry run, would), by the report's figures."""
    files = report.get('files') or {}
    counts = ('copied', 'patched', 'truncated', 'deleted', 'bytesCopied', 'blocksCopied', 'walSegments')
    if report.get('status') == 'dry-run':
        counts += ('bytesPlanned',)
    elif report.get('status') != 'success':
        return False
    return any((files.get(name) or 0) > 0 for name in counts) or bool(report.get('wroteRecoveryConf'))


def failure_message(command, report, stderr, rc):
    """pg-catchup's own reason: the report's error, else the first check that failed, else its error line."""
    error = (report or {}).get('error') or {}
    if error.get('message'):
        return 'pg-catchup %s: %s' % (command, error['message']), error.get('fix') or (report or {}).get('nextStep')
    for check in (report or {}).get('checks') or []:
        if check.get('status') == 'fail':
            return 'pg-catchup %s: %s: %s' % (command, check.get('title'), check.get('detail')), check.get('fix')
    lines = [line for line in (stderr or '').splitlines() if line.strip()]
    errors = [line for line in lines if 'error:' in line]
    text = (errors or lines or ['exit status %d and no report' % rc])[0]
    text = text.split('error: ', 1)[1] if text.startswith('pg-catchup: error: ') else text
    return 'pg-catchup %s: %s' % (command, text), (report or {}).get('nextStep')


def main():
    module = AnsibleModule(
        argument_spec=dict(
            command=dict(type='str', default='catchup', choices=['catchup', 'preflight', 'rewind']),
            mode=dict(type='str', default='AUTO', choices=['AUTO', 'FULL', 'DELTA', 'PTRACK']),
            target_pgdata=dict(type='path', required=True, aliases=['pgdata']),
            source_conninfo=dict(type='str'),
            source_host=dict(type='str'),
            source_port=dict(type='int'),
            source_user=dict(type='str'),
            source_password=dict(type='str', no_log=True),
            source_pgdata=dict(type='path'),
            threads=dict(type='int'),
            write_recovery_conf=dict(type='bool', default=True),
            dry_run=dict(type='bool', default=False),
            exclude_path=dict(type='list', elements='str', default=[]),
            fail_on_warning=dict(type='bool', default=False),
            extra_args=dict(type='list', elements='str', default=[]),
            executable=dict(type='str', default='pg-catchup'),
        ),
        supports_check_mode=True,
    )
    params = module.params
    command = params['command']
    if command == 'rewind' and not (params['source_pgdata'] or source_server(params)):
        module.fail_json(msg='pg_catchup rewind needs a source: source_conninfo (or source_host, source_port, source_user) or source_pgdata')
    if params['threads'] is not None and not 1 <= params['threads'] <= 64:
        module.fail_json(msg='threads must be from 1 to 64, not %d' % params['threads'])

    executable = params['executable']
    if os.path.sep not in executable:
        executable = module.get_bin_path(executable, required=True)
    elif not os.access(executable, os.X_OK):
        module.fail_json(msg='executable %s is not an executable file on this host: install pg-catchup there, or point executable at it' % executable)
    params = dict(params, executable=executable)

    workdir = tempfile.mkdtemp(prefix='pg-catchup-ansible-')
    try:
        # Readable by the user pg-catchup runs as (the task's become_user owns the directory).
        report_path = os.path.join(workdir, 'report.json')
        argv = build_argv(params, params['dry_run'] or module.check_mode, report_path)
        env = {'PGPASSWORD': params['source_password']} if params['source_password'] else {}
        rc, stdout, stderr = module.run_command(argv, environ_update=env)
        report = read_report(stdout, report_path)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    result = dict(changed=False, cmd=[a for a in argv if a != report_path and a != '--report'], rc=rc, stderr=stderr)
    if report is not None:
        result.update(report=report, status=report.get('status'), mode=report.get('mode'), next_step=report.get('nextStep'))
    # A FULL dry run whose checks fail exits 0 with a failed report: the report decides too.
    if rc != 0 or report is None or report.get('status') == 'failed':
        msg, fix = failure_message(command, report, stderr, rc)
        if fix:
            result['fix'] = fix
            if fix not in msg:  # pg-catchup's message may end with its fix already
                msg = '%s Fix: %s' % (msg, fix)
        module.fail_json(msg=msg, **result)
    for warning in report.get('warnings') or []:
        module.warn('pg-catchup: %s' % warning)
    result['changed'] = command != 'preflight' and wrote_target(report)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
