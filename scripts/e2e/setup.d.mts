// Types of scripts/e2e/setup.mjs for the TypeScript suites that import it.
export interface SetupInfo {
  cacheDir: string;
  node24: string;
  codeServerEntry: string;
  codeServerVersion: string;
  chromium: string | null;
  node24Ready: boolean;
  codeServerReady: boolean;
  missingSystem: string[];
  ready: boolean;
}
export const CODE_SERVER_VERSION: string;
export const NODE_MAJOR: number;
export const repoRoot: string;
export const cacheDir: string;
export const CHROMIUM_CANDIDATES: string[];
export function missingSystemPackages(opts?: { forBuild?: boolean }): string[];
export function describe(): SetupInfo;
export function setup(): SetupInfo;
