/**
 * The fenced code blocks of a Markdown file, as a user copies them: the text between the fences
 * with the fence's indentation removed (a block inside a list item is indented), and the line
 * of the opening fence so that a failure points at it.
 */
import * as fs from 'fs';

export type BlockKind = 'yaml' | 'ini' | 'shell';

export interface FencedBlock {
  /** Where it is: "README.md:285" (the opening fence). */
  where: string;
  kind: BlockKind | null;
  /** The info string as written (yaml, yml, sh, ...). */
  lang: string;
  text: string;
}

const KINDS: Record<string, BlockKind> = { yaml: 'yaml', yml: 'yaml', ini: 'ini', sh: 'shell', shell: 'shell', bash: 'shell' };

export function fencedBlocks(markdown: string, name: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body: string[] = [];
    let j = i + 1;
    // A closing fence: the same character, at least as long, nothing after it.
    while (j < lines.length && !new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`).test(lines[j])) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart());
      j++;
    }
    if (j === lines.length) throw new Error(`${name}:${i + 1}: a fenced block is never closed`);
    const key = lang.toLowerCase();
    blocks.push({ where: `${name}:${i + 1}`, kind: KINDS[key] ?? null, lang: key, text: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

export function fencedBlocksOfFile(file: string, name: string): FencedBlock[] {
  return fencedBlocks(fs.readFileSync(file, 'utf8'), name);
}
