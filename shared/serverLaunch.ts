/**
 * How the language server process is launched, in one place. The server's work comes in
 * bursts (a 1 MB report re-analysed on a keystroke); 8 MB young-generation semi-spaces keep
 * its resident memory well below V8's default 32 MB of new space, yet hold a few keystrokes'
 * garbage, so a scavenge copies one version's model, not one per keystroke (2 MB ones made
 * every keystroke on the 1 MB report copy its model once or twice: edits took ~1.5 ms more,
 * for 13 MB less once idle, 93 instead of 106); `--expose-gc` lets it collect once idle after
 * a burst (server/idle.ts), which gives back what the burst grew the heap to. V8 reads the
 * flags only when the process starts, so:
 *
 * - the extension passes it (`execArgv`);
 * - `dist/server.js` starts with `#!/usr/bin/env -S node <flags>` (esbuild.mjs writes it
 *   from SERVER_NODE_OPTIONS), so `report-language-server --stdio` launched plainly by any
 *   editor gets it (npm's Windows shims read the same line);
 * - `node dist/server.js --stdio` without it starts itself again with it (server/src/main.ts).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=8', '--expose-gc'];

/** Set in the environment of a server started again with the flags, so it never loops. */
export const RELAUNCHED_ENV = 'REPORT_AUTHOR_SERVER_RELAUNCHED';

/** Whether this process was started with the flags (on the command line or in NODE_OPTIONS). */
export function hasServerFlags(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  // V8 accepts `_` for `-` in flag names; any value of a flag counts as the user's choice.
  const names = given.map((g) => g.split('=')[0]!.replace(/_/g, '-'));
  return SERVER_NODE_OPTIONS.every((flag) => names.includes(flag.split('=')[0]!));
}
