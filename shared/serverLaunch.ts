/**
 * How the language server process is launched, by the extension and by the tests and the
 * bench that measure it. The server's work comes in bursts (a 1 MB report re-analysed on a
 * keystroke); small (2 MB) young-generation semi-spaces keep its resident memory near its live
 * data instead of V8's default 32 MB of new space. Editors that start `report-language-server`
 * themselves can pass the same flag (see the README).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=2'];
