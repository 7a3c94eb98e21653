/**
 * The pg-catchup command lines in a shell block, split into words as the shell would (quotes,
 * backslashes, line continuations, comments), so that the CLI's own flag parser can judge them.
 * Variables are left as written: a flag's value is not what is checked, the flags are.
 */

export interface CommandLine {
  /** The command's words on one line (quoted where needed), for messages. */
  text: string;
  /** The words after the program: the command and its flags. */
  args: string[];
}

/** Words that run the next word as a command; their own options are skipped. */
const PREFIXES: Record<string, { withValue: string[] }> = {
  sudo: { withValue: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U'] },
  runuser: { withValue: ['-u', '-g', '-G'] },
  env: { withValue: ['-u', '-C', '-S'] },
  npx: { withValue: ['-p', '--package', '-c', '--call'] },
  exec: { withValue: ['-a'] },
  time: { withValue: [] },
  nice: { withValue: ['-n'] },
  nohup: { withValue: [] },
};

function quoted(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** Simple commands as word lists: split at unquoted ; & | newlines, comments dropped. */
export function simpleCommands(script: string): Array<{ text: string; words: string[] }> {
  const commands: Array<{ text: string; words: string[] }> = [];
  let words: string[] = [];
  let word: string | null = null;
  const end = (at: number) => {
    if (word !== null) words.push(word);
    word = null;
    if (words.length > 0) commands.push({ text: words.map(quoted).join(' '), words });
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === '\\' && script[i + 1] === '\n') {
      i++; // a line continuation
    } else if (c === '\\') {
      word = (word ?? '') + (script[i + 1] ?? '');
      i++;
    } else if (c === "'") {
      const close = script.indexOf("'", i + 1);
      if (close < 0) throw new Error(`unterminated single quote in: ${script.slice(i, i + 60)}`);
      word = (word ?? '') + script.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      let s = '';
      for (i++; i < script.length && script[i] !== '"'; i++) {
        if (script[i] === '\\' && '"\\$`\n'.includes(script[i + 1])) i++;
        s += script[i];
      }
      if (i >= script.length) throw new Error('unterminated double quote');
      word = (word ?? '') + s;
    } else if ((c === '>' || c === '<') && (word === null || /^\d+$/.test(word))) {
      // A redirection (2>&1, > out.log, < in): neither it nor its target is an argument.
      word = null;
      while ('<>&'.includes(script[i + 1] ?? '') && script[i + 1] !== undefined) i++;
      while (script[i + 1] === ' ') i++;
      while (i + 1 < script.length && !' \t\n;&|'.includes(script[i + 1])) i++;
    } else if (c === '#' && word === null) {
      while (i + 1 < script.length && script[i + 1] !== '\n') i++;
    } else if (c === ' ' || c === '\t') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      end(i);
    } else {
      word = (word ?? '') + c;
    }
  }
  end(script.length);
  return commands;
}

/** The words after `pg-catchup` when a simple command runs it (directly, or through sudo, npx, ...). */
export function pgCatchupArgs(words: string[]): string[] | null {
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) i++;
  for (;;) {
    const prefix = PREFIXES[words[i]];
    if (!prefix) break;
    i++;
    while (i < words.length && (words[i].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]))) {
      if (words[i] === '--') {
        i++;
        break;
      }
      i += prefix.withValue.includes(words[i]) ? 2 : 1;
    }
  }
  const program = words[i];
  if (program === undefined) return null;
  if (program.split('/').pop() === 'pg-catchup') return words.slice(i + 1);
  // The bundle run by node, as a checkout or an unpacked npm tarball offers it.
  if (/^(node|nodejs)$/.test(program.split('/').pop() ?? '') && /(^|\/)dist\/cli\/index\.js$/.test(words[i + 1] ?? '')) return words.slice(i + 2);
  return null;
}

export function pgCatchupCommandLines(script: string): CommandLine[] {
  return simpleCommands(script).flatMap(({ text, words }) => {
    const args = pgCatchupArgs(words);
    return args === null ? [] : [{ text, args }];
  });
}
