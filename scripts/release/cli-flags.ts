/**
 * The flags each CLI command accepts, read from the source that parses them: every
 * `parseFlags('<command>', argv, { ... })` call in src/cli/commands/, with its spreads of the
 * shared tables in src/cli/parse-flags.ts resolved. Read with TypeScript's parser, not by
 * running the commands: the tables live inside the functions that parse.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export interface CliFlag {
  long: string;
  short?: string;
  takesValue: boolean;
}

export type CommandFlags = Map<string, CliFlag[]>;

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

const nameOf = (name: ts.PropertyName): string => {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  throw new Error(`flag name ${name.getText()} is not a plain name`);
};

/** `{ type: 'string', short: 'h' }` -> its fields. */
function flagOf(long: string, init: ts.Expression, where: string): CliFlag {
  if (!ts.isObjectLiteralExpression(init)) throw new Error(`${where}: flag --${long} is not an object literal`);
  const field = (key: string) => {
    const p = init.properties.find((q) => ts.isPropertyAssignment(q) && nameOf(q.name) === key) as ts.PropertyAssignment | undefined;
    return p && ts.isStringLiteral(p.initializer) ? p.initializer.text : undefined;
  };
  const type = field('type');
  if (type !== 'string' && type !== 'boolean') throw new Error(`${where}: flag --${long} has no type 'string' or 'boolean'`);
  return { long, short: field('short'), takesValue: type === 'string' };
}

function flagsOf(obj: ts.ObjectLiteralExpression, tables: Map<string, ts.ObjectLiteralExpression>, where: string): CliFlag[] {
  const flags: CliFlag[] = [];
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression)) {
      const table = tables.get(p.expression.text);
      if (!table) throw new Error(`${where}: ...${p.expression.text} is not a flag table exported by src/cli/parse-flags.ts`);
      flags.push(...flagsOf(table, tables, where));
    } else if (ts.isPropertyAssignment(p)) {
      flags.push(flagOf(nameOf(p.name), p.initializer, where));
    } else {
      throw new Error(`${where}: cannot read ${p.getText()} as a flag`);
    }
  }
  return flags;
}

/** `export const X: Options = { ... }` in parse-flags.ts, by name. */
function sharedTables(file: string): Map<string, ts.ObjectLiteralExpression> {
  const tables = new Map<string, ts.ObjectLiteralExpression>();
  for (const st of parse(file).statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && ts.isObjectLiteralExpression(d.initializer)) tables.set(d.name.text, d.initializer);
    }
  }
  return tables;
}

export function readCliFlags(repo: string): CommandFlags {
  const cli = path.join(repo, 'src', 'cli');
  const tables = sharedTables(path.join(cli, 'parse-flags.ts'));
  const commands: CommandFlags = new Map();
  const dir = path.join(cli, 'commands');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const file = path.join(dir, name);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'parseFlags') {
        const [command, , options] = node.arguments;
        if (!command || !ts.isStringLiteral(command) || !options || !ts.isObjectLiteralExpression(options)) {
          throw new Error(`${file}: parseFlags(...) must name its command and pass its flags as an object literal`);
        }
        commands.set(command.text, flagsOf(options, tables, file));
      }
      ts.forEachChild(node, visit);
    };
    visit(parse(file));
  }
  if (commands.size === 0) throw new Error(`no parseFlags('<command>', ...) call found under ${dir}`);
  return commands;
}
