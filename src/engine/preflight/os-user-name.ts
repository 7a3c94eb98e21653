import fs from 'fs';

/**
 * The login name of a uid from /etc/passwd, for messages ("owned by postgres", not "uid 105");
 * "uid N" when the name is not known (a uid without an entry, or no /etc/passwd).
 */
export function osUserName(uid: number, passwd = '/etc/passwd'): string {
  try {
    for (const line of fs.readFileSync(passwd, 'utf8').split('\n')) {
      const [name, , id] = line.split(':');
      if (name && id !== undefined && Number(id) === uid && id.trim() !== '') return name;
    }
  } catch {
    // No passwd file to read: the number is all there is.
  }
  return `uid ${uid}`;
}
