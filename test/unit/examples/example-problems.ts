/**
 * What is wrong with one example as a user would copy it: YAML that does not parse, workflow
 * steps that ask action.yml for inputs or outputs it lacks, `run:` scripts and shell blocks bash
 * cannot parse, pg-catchup command lines the CLI refuses, playbooks and inventories Ansible
 * refuses. One line per problem; none for a good example.
 */
import { spawnSync } from 'child_process';
import { parseAllDocuments } from 'yaml';
import { main } from '../../../src/cli/main';
import { ActionInterface, actionReferenceProblems, stepLists } from './action-references';
import { ansibleMissing, inventoryProblem, isPlaybook, playbookSyntaxProblem } from './ansible-checks';
import type { BlockKind } from './fenced-blocks';
import { pgCatchupCommandLines } from './pg-catchup-commands';

export function bashSyntaxProblem(script: string): string | null {
  const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return r.status === 0 ? null : `bash -n: ${r.stderr.trim()}`;
}

/**
 * The CLI's own parser decides (no copy of its flag tables): the words of the command line plus
 * --help go to main(), which parses every flag strictly and, when all are known, prints the help
 * instead of running. An unknown flag, a stray word or a missing value is its usage error.
 */
export async function cliUsageProblem(args: string[]): Promise<string | null> {
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    const code = await main([...args, '--help']);
    return code === 0 ? null : stderr.split('\n')[0] || `exit ${code}`;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** GitHub replaces ${{ ... }} before the shell sees the script; a placeholder word stands in. */
function runScript(run: string): string {
  return run.replace(/\$\{\{[\s\S]*?\}\}/g, 'EXPR');
}

async function yamlProblems(text: string, action: ActionInterface, file?: string): Promise<string[]> {
  const docs = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  const parseErrors = docs.flatMap((d) => [...d.errors, ...d.warnings].map((e) => `YAML: ${e.message}`));
  if (parseErrors.length > 0) return parseErrors;
  const problems: string[] = [];
  for (const doc of docs.map((d) => d.toJS())) {
    problems.push(...actionReferenceProblems(doc, text, action));
    for (const step of stepLists(doc).flat()) {
      if (typeof step.run !== 'string' || (step.shell && !/^(bash|sh)\b/.test(step.shell))) continue;
      const problem = bashSyntaxProblem(runScript(step.run));
      if (problem) problems.push(`run: ${step.run.split('\n')[0]}: ${problem}`);
    }
    if (isPlaybook(doc) && !ansibleMissing) {
      const problem = playbookSyntaxProblem(text, file);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

async function shellProblems(text: string): Promise<string[]> {
  const syntax = bashSyntaxProblem(text);
  if (syntax) return [syntax];
  const problems: string[] = [];
  for (const line of pgCatchupCommandLines(text)) {
    const problem = await cliUsageProblem(line.args);
    if (problem) problems.push(`${line.text}: ${problem}`);
  }
  return problems;
}

/** `file`: the example is that file (not a fenced block), checked in place. */
export async function exampleProblems(kind: BlockKind, text: string, action: ActionInterface, file?: string): Promise<string[]> {
  switch (kind) {
    case 'yaml': return yamlProblems(text, action, file);
    case 'shell': return shellProblems(text);
    case 'ini': {
      if (ansibleMissing) return [];
      const problem = inventoryProblem(text);
      return problem ? [problem] : [];
    }
  }
}
