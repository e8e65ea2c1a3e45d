/**
 * Builds page-entry.ts (and the engine it imports) into one minified IIFE with Vite's build API,
 * in memory: the benchmark injects the same kind of bundle the extension ships, not tsx output.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { BENCH_GLOBAL } from './page-api';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'page-entry.ts');

/** Returns the bundle's source, ready for `page.addScriptTag({ content })`. */
export async function buildPageBundle(): Promise<string> {
  const result = await build({
    // The project's vite/wxt config is for the extension; none of it applies here.
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      lib: { entry, formats: ['iife'], name: BENCH_GLOBAL },
      write: false,
      minify: true,
      // Bench pages are served to the system Chromium, which supports current syntax.
      target: 'esnext',
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Vite produced no JavaScript chunk for scripts/bench/page-entry.ts');
}
