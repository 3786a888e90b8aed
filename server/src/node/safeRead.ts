/**
 * Reading files a workspace or a command line points at, without ever hanging or running
 * out of memory: regular files only (a FIFO, a device such as `/dev/zero` or a socket is
 * refused before it is opened, and opening never blocks), a size cap, and symlink loops
 * and dangling links told apart from missing files. Nothing here throws.
 */
import * as fs from 'node:fs';
import * as l10n from '@vscode/l10n';

/** Reports larger than this are not checked (the CLI and the server's workspace scan). */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;
/** Templates, rules files and `.report-author.json`. */
export const MAX_DATA_BYTES = 1024 * 1024;

export type ReadProblem = 'missing' | 'dangling' | 'loop' | 'directory' | 'special' | 'too-large' | 'permission' | 'other';

export type SafeRead = { ok: true; bytes: Buffer } | { ok: false; problem: ReadProblem; message: string };

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Why `file` cannot be read as a regular file of at most `maxBytes`, or null when it can. */
export function fileProblem(file: string, display = file, maxBytes = MAX_REPORT_BYTES): { problem: ReadProblem; message: string } | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    return describe(file, display, e);
  }
  return statProblem(st, display, maxBytes);
}

function statProblem(st: fs.Stats, display: string, maxBytes: number): { problem: ReadProblem; message: string } | null {
  if (st.isDirectory()) return { problem: 'directory', message: l10n.t('{0}: is a directory, not a file', display) };
  if (!st.isFile()) return { problem: 'special', message: l10n.t('{0}: not a regular file (a device, pipe or socket), not read', display) };
  if (st.size > maxBytes) return { problem: 'too-large', message: tooLarge(display, maxBytes) };
  return null;
}

function tooLarge(display: string, maxBytes: number): string {
  return l10n.t('{0}: larger than {1} MB, not read', display, String(Math.round((maxBytes / 1024 / 1024) * 10) / 10));
}

/** The bytes of a regular file of at most `maxBytes`, or why not. */
export function readRegularFile(file: string, display = file, maxBytes = MAX_REPORT_BYTES): SafeRead {
  const before = fileProblem(file, display, maxBytes);
  if (before) return { ok: false, ...before };
  let fd: number;
  try {
    // Non-blocking: a FIFO put in place after the check cannot hang the open.
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, ...describe(file, display, e) };
  }
  try {
    const problem = statProblem(fs.fstatSync(fd), display, maxBytes);
    if (problem) return { ok: false, ...problem };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      // A file that grows while read is cut off at the cap, never read without end.
      if (total > maxBytes) return { ok: false, problem: 'too-large', message: tooLarge(display, maxBytes) };
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, ...describe(file, display, e) };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // nothing to do
    }
  }
}

/** UTF-8 text (invalid bytes replaced) of a regular file, or an Error saying why it cannot be read. */
export function readTextOrError(file: string, display = file, maxBytes = MAX_DATA_BYTES): string | Error {
  const r = readRegularFile(file, display, maxBytes);
  return r.ok ? r.bytes.toString('utf8') : new Error(r.message);
}

function describe(file: string, display: string, error: unknown): { problem: ReadProblem; message: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ELOOP') return { problem: 'loop', message: l10n.t('{0}: a symbolic link that loops, not read', display) };
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    let link = false;
    try {
      link = fs.lstatSync(file).isSymbolicLink();
    } catch {
      // the path itself is missing
    }
    return link
      ? { problem: 'dangling', message: l10n.t('{0}: a symbolic link to a file that does not exist', display) }
      : { problem: 'missing', message: l10n.t('{0}: file not found', display) };
  }
  if (code === 'EISDIR') return { problem: 'directory', message: l10n.t('{0}: is a directory, not a file', display) };
  if (code === 'EACCES' || code === 'EPERM') return { problem: 'permission', message: l10n.t('{0}: permission denied', display) };
  if (code === 'EAGAIN' || code === 'ENXIO') return { problem: 'special', message: l10n.t('{0}: not a regular file (a device, pipe or socket), not read', display) };
  const reason = error instanceof Error ? error.message : String(error);
  return { problem: 'other', message: l10n.t('{0}: cannot read file ({1})', display, reason) };
}
