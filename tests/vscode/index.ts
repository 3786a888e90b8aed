/**
 * Entry point for @vscode/test-electron (`extensionTestsPath`, after bundling by
 * tests/vscode/runTests.ts): runs the in-editor suite and fails the run on any failed check.
 */
import { runSuite } from './suite';

export async function run(): Promise<void> {
  const result = await runSuite();
  if (result.failed > 0) {
    const failures = result.results.filter((r) => !r.ok).map((r) => `  ${r.name}: ${r.error}`);
    throw new Error(`${result.failed} of ${result.results.length} in-editor checks failed:\n${failures.join('\n')}`);
  }
}
