import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface Chunk {
  readonly type: 'chunk';
  readonly code: string;
  readonly isEntry: boolean;
  readonly imports: readonly string[];
}

/**
 * Measures the JavaScript a first visit downloads before anything renders (the entry chunk and
 * every chunk it imports statically; lazy routes are excluded), gzipped, prints it, writes
 * dist/initial-js.json and fails the build over the budget.
 */
export function initialJsBudget(options: { limitKb: number }): Plugin {
  return {
    name: 'btg-initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Chunk>();
      for (const [name, output] of Object.entries(bundle)) {
        if (output.type === 'chunk') chunks.set(name, output);
      }
      const initial = new Set<string>();
      const visit = (name: string): void => {
        if (initial.has(name)) return;
        initial.add(name);
        for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
      };
      for (const [name, chunk] of chunks) if (chunk.isEntry) visit(name);
      const files = [...initial].map((name) => ({
        name,
        gzipBytes: gzipSync(chunks.get(name)?.code ?? '', { level: 9 }).length,
      }));
      const totalBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);
      const kb = (bytes: number) => (bytes / 1000).toFixed(1);
      // eslint-disable-next-line no-console -- CI reads this line in the build log
      console.log(
        `initial JS: ${kb(totalBytes)} kB gzipped in ${files.length} file(s), budget ${options.limitKb} kB`,
      );
      this.emitFile({
        type: 'asset',
        fileName: 'initial-js.json',
        source: JSON.stringify({ totalBytes, limitBytes: options.limitKb * 1000, files }, null, 2),
      });
      if (totalBytes > options.limitKb * 1000) {
        this.error(
          `initial JS is ${kb(totalBytes)} kB gzipped, over the ${options.limitKb} kB budget`,
        );
      }
    },
  };
}
