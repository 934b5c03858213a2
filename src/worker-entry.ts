/**
 * Worker threads from source and from the build: `siblingScript('./parse-worker', import.meta.url)`
 * names the `.ts` beside a source module or the `.js` beside a compiled one, and `workerEntry`
 * makes it runnable. Node 20 ignores `--import tsx` in a worker's execArgv ("Unknown file
 * extension .ts"), so a `.ts` entry (vitest, tsx) starts from a small bootstrap that registers
 * tsx's loader inside the worker first; compiled `.js` runs as it is.
 */
export function siblingScript(relativeStem: string, moduleUrl: string): URL {
  return new URL(`${relativeStem}${moduleUrl.endsWith('.ts') ? '.ts' : '.js'}`, moduleUrl);
}

export function workerEntry(workerUrl: URL): URL {
  if (!workerUrl.pathname.endsWith('.ts')) return workerUrl;
  const bootstrap =
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};\n` +
    `register();\n` +
    `await import(${JSON.stringify(workerUrl.href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}
