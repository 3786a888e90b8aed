/**
 * Regular expressions written by users (template patterns) run on RE2JS, a linear-time
 * engine: no pattern can make the checker backtrack catastrophically.
 */
import { RE2JS } from 're2js';

export interface SafeRegex {
  test(input: string): boolean;
}

const cache = new Map<string, SafeRegex>();

/** Compiles `source` or throws an Error whose message says why. */
export function compileSafe(source: string): SafeRegex {
  let re = cache.get(source);
  if (!re) {
    const compiled = RE2JS.compile(source);
    re = { test: (input: string) => compiled.matcher(input).find() };
    cache.set(source, re);
  }
  return re;
}

/** Null when it compiles, else the reason. */
export function regexError(source: string): string | null {
  try {
    compileSafe(source);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
