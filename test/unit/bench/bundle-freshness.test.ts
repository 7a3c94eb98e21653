import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { firstTreeDifference } from '../../../scripts/bench/bundle-freshness';

describe('firstTreeDifference (is dist/cli/ what a fresh build made?)', () => {
  let dir: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-freshness-'));
    write('built/index.js', 'bundle');
    write('built/sub/asset.wasm', 'w');
    write('dist/index.js', 'bundle');
    write('dist/sub/asset.wasm', 'w');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const diff = () => firstTreeDifference(path.join(dir, 'built'), path.join(dir, 'dist'));

  test('same files, same bytes', () => expect(diff()).toBeNull());
  test('a byte differs', () => {
    write('dist/index.js', 'bundlE');
    expect(diff()).toBe('dist/cli/index.js differs from a fresh build');
  });
  test('a file only one side has', () => {
    write('built/extra.js', 'x');
    expect(diff()).toMatch(/fresh build has extra\.js/);
    fs.rmSync(path.join(dir, 'built/extra.js'));
    write('dist/stale.js', 'x');
    expect(diff()).toMatch(/dist\/cli\/ has stale\.js/);
  });
  test('no committed bundle', () => {
    fs.rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(diff()).toBe('no dist/cli/');
  });
});
