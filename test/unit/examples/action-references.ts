/**
 * What a workflow example asks of this action: the inputs of every step that uses it, and the
 * outputs read back through steps.<id>.outputs.<name>. Each must exist in action.yml, or a
 * user's copy fails at run time ("Unexpected input") or reads an empty string without a word.
 */
import * as fs from 'fs';
import { parse } from 'yaml';

export interface ActionInterface {
  inputs: Set<string>;
  required: Set<string>;
  outputs: Set<string>;
}

export function actionInterface(actionYml: string): ActionInterface {
  const action = parse(fs.readFileSync(actionYml, 'utf8')) as {
    inputs: Record<string, { required?: boolean }>; outputs: Record<string, unknown>;
  };
  return {
    inputs: new Set(Object.keys(action.inputs)),
    required: new Set(Object.entries(action.inputs).filter(([, v]) => v.required).map(([k]) => k)),
    outputs: new Set(Object.keys(action.outputs)),
  };
}

/** `uses: ./` (the checkout) or `uses: <owner>/pg-catchup@<ref>`: this action. */
export function usesThisAction(uses: unknown): boolean {
  return typeof uses === 'string' && (/^\.\/?$/.test(uses.trim()) || /^[\w.-]+\/pg-catchup(@.*)?$/.test(uses.trim()));
}

export interface Step {
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
}

/** Every list of steps in a parsed workflow or fragment (jobs.*.steps, a bare steps: list). */
export function stepLists(doc: unknown): Step[][] {
  const lists: Step[][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      if (node.length > 0 && node.every((s) => s && typeof s === 'object' && ('uses' in s || 'run' in s))) lists.push(node as Step[]);
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      Object.values(node).forEach(walk);
    }
  };
  walk(doc);
  return lists;
}

/** What is wrong with the example's use of the action: one line per problem, empty when none. */
export function actionReferenceProblems(doc: unknown, text: string, action: ActionInterface): string[] {
  const problems: string[] = [];
  const ours = new Set<string>();
  const ids = new Set<string>();
  for (const steps of stepLists(doc)) {
    for (const step of steps) {
      if (step.id) ids.add(step.id);
      if (!usesThisAction(step.uses)) continue;
      if (step.id) ours.add(step.id);
      const given = Object.keys(step.with ?? {});
      for (const name of given.filter((k) => !action.inputs.has(k))) {
        problems.push(`step ${step.id ?? step.uses} passes input "${name}", which action.yml does not declare`);
      }
      for (const name of [...action.required].filter((k) => !given.includes(k))) {
        problems.push(`step ${step.id ?? step.uses} lacks the required input "${name}"`);
      }
    }
  }
  for (const [, id, output] of text.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    if (!ids.has(id)) problems.push(`steps.${id}.outputs.${output}: no step has id "${id}"`);
    else if (ours.has(id) && !action.outputs.has(output)) problems.push(`steps.${id}.outputs.${output}: action.yml has no output "${output}"`);
  }
  return [...new Set(problems)];
}
