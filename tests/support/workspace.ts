/** Test folders written from a map of relative paths to contents. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh folder `prefix*` (under the OS temp dir unless `prefix` is a path), holding the given files (string = UTF-8). */
export function writeWorkspace(prefix: string, files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.isAbsolute(prefix) ? prefix : path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}
