/**
 * Ansible's own parsers as the judge of the Ansible examples: `ansible-playbook --syntax-check`
 * for playbooks (it also resolves every module name, so a task naming a module of the
 * collection under ansible/collections fails if that module does not exist) and
 * `ansible-inventory --list` for INI inventories, with unparsable sources made fatal (by
 * default Ansible only warns and goes on with an empty inventory).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');

export const ansibleMissing = spawnSync('ansible-playbook', ['--version']).status !== 0
  ? 'ansible-playbook is not installed (Debian: apt-get install ansible-core; .ci/run installs it)' : null;

function ansibleEnv(inventoryPlugin?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ANSIBLE_COLLECTIONS_PATH: path.join(REPO, 'ansible', 'collections'),
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_LOCALHOST_WARNING: 'false',
    ...(inventoryPlugin ? {
      ANSIBLE_INVENTORY_ENABLED: inventoryPlugin,
      ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true',
      ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED: 'true',
    } : {}),
  };
}

function withFile<T>(name: string, text: string, use: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-catchup-example-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Null when the playbook passes --syntax-check, else Ansible's complaint. A playbook file is
 * checked where it is, so that its roles/ next to it are found; a fenced block from a copy.
 */
export function playbookSyntaxProblem(text: string, file?: string): string | null {
  const check = (playbook: string) => {
    const r = spawnSync('ansible-playbook', ['--syntax-check', '-i', 'localhost,', playbook], { encoding: 'utf8', env: ansibleEnv(), timeout: 60_000 });
    return r.status === 0 ? null : `ansible-playbook --syntax-check: ${(r.stderr + r.stdout).trim()}`;
  };
  return file ? check(file) : withFile('playbook.yml', text, check);
}

/** Null when Ansible parses the INI inventory, else its complaint. */
export function inventoryProblem(text: string): string | null {
  return withFile('inventory.ini', text, (file) => {
    const r = spawnSync('ansible-inventory', ['-i', file, '--list'], { encoding: 'utf8', env: ansibleEnv('ini'), timeout: 60_000 });
    return r.status === 0 ? null : `ansible-inventory: ${(r.stderr + r.stdout).trim()}`;
  });
}

/** A parsed YAML document that is a playbook: a list of plays (hosts:) or playbook imports. */
export function isPlaybook(doc: unknown): boolean {
  return Array.isArray(doc) && doc.some((p) => p && typeof p === 'object' && ('hosts' in p || 'import_playbook' in p || 'ansible.builtin.import_playbook' in p));
}
