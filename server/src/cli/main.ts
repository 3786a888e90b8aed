/**
 * Entry point of the `report-lint` command (bundled to dist/cli.js). All logic is in run().
 */
import { run } from './run';
import { useColor } from './format-text';

// A closed pipe (`report-lint … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: useColor(process.env, process.stdout.isTTY === true),
});
if (typeof code === 'number') process.exitCode = code;
else void code.then((c) => (process.exitCode = c));
