import * as fs from 'fs';
import * as path from 'path';
import { findCycles, folderOf, importEdges } from './import-graph';

// The layout rules of design.md, checked on the import graph of src/ as it is on disk.
const SRC = path.resolve(__dirname, '../../../src');
const edges = importEdges(SRC);

describe('architecture of src/', () => {
  it('finds the imports it checks (a graph that lost its edges would pass everything)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.from === 'cli/main.ts' && e.to === 'engine/index.ts')).toBe(true);
  });

  it('has no import cycle', () => {
    expect(findCycles(edges).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('has no pair of folders that import each other', () => {
    const imports = new Map<string, Set<string>>();
    for (const e of edges) {
      const [a, b] = [folderOf(e.from), folderOf(e.to)];
      if (a !== b) imports.set(a, (imports.get(a) ?? new Set()).add(b));
    }
    const mutual: string[] = [];
    for (const [a, targets] of imports) {
      for (const b of targets) if (a < b && imports.get(b)?.has(a)) mutual.push(`${a} <-> ${b}`);
    }
    expect(mutual).toEqual([]);
  });

  it('keeps plan/ pure of how the source is read: no value import from source/', () => {
    const offending = edges.filter((e) => folderOf(e.from) === 'engine/plan' && folderOf(e.to) === 'engine/source' && !e.typeOnly);
    expect(offending).toEqual([]);
  });

  it('lets the CLI, the action and the adapters reach the engine only through src/engine/index.ts', () => {
    const offending = edges
      .filter((e) => ['cli', 'action', 'adapters'].includes(folderOf(e.from)) && e.to.startsWith(`engine${path.sep}`) && e.to !== path.join('engine', 'index.ts'))
      .map((e) => `${e.from} -> ${e.to}`);
    expect(offending).toEqual([]);
  });

  it('keeps the two adapters apart: what both need is in src/adapters/', () => {
    const offending = edges
      .filter((e) => (folderOf(e.from) === 'cli' && folderOf(e.to) === 'action') || (folderOf(e.from) === 'action' && folderOf(e.to) === 'cli'))
      .map((e) => `${e.from} -> ${e.to}`);
    expect(offending).toEqual([]);
  });

  it('keeps @actions/* out of the engine', () => {
    const engineFiles = [...new Set(edges.map((e) => e.from))].filter((f) => f.startsWith(`engine${path.sep}`));
    const withActions = engineFiles.filter((f) => /from '@actions\//.test(fs.readFileSync(path.join(SRC, f), 'utf8')));
    expect(withActions).toEqual([]);
  });

  it("imports Node's built-in modules whole by default import, not `import * as`", () => {
    // `import * as fs` compiles to __importStar, which copies every export of the module into a new
    // object of getters, once per importing file: 122 such copies cost ~11 ms of every run's start.
    const allFiles = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
    const starred = allFiles.filter((f) => /^import \* as \w+ from '(node:)?[a-z_/]+';/m.test(fs.readFileSync(path.join(SRC, f), 'utf8')));
    expect(allFiles.length).toBeGreaterThan(150);
    expect(starred).toEqual([]);
  });
});
