/** File I/O of the exports: images beside the report, and writing the result without ever leaving half a file. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { LoadedImage } from '../core/export';

/** Larger images are not embedded (a report is not a photo album; Word would choke too). */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Reads images relative to the report's folder. */
export function imageLoader(baseDir: string): (src: string) => LoadedImage {
  return (src) => {
    const file = path.resolve(baseDir, src);
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return { ok: false, reason: l10n.t('not a file') };
      if (stat.size > MAX_IMAGE_BYTES) return { ok: false, reason: l10n.t('larger than {0} MB', MAX_IMAGE_BYTES / 1024 / 1024) };
      return { ok: true, data: new Uint8Array(fs.readFileSync(file)) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ok: false, reason: code === 'ENOENT' ? l10n.t('no such file') : code === 'EACCES' ? l10n.t('permission denied') : (e as Error).message };
    }
  };
}

/** Writes beside the target, then renames: a failure never leaves a truncated file or clobbers the old one. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
