/**
 * The deployed functions' entry as one bundle (dist/bundle/index.js, built by `npm run build` after tsc):
 * a cold instance then loads a handful of files instead of ~70 of monev's modules and ~95 of zod's, which
 * is most of what a change notification's cold start spends on monev (BENCHMARKS.md §7). Each use case
 * imported at first use stays its own chunk, loaded when first called. Packages other than zod stay
 * outside: the Functions Framework must be the very instance that serves the functions, and the others
 * are required at first use (createRequire) and read files of their own.
 */
export default {
  input: { index: 'dist/functions/index.js' },
  platform: 'node',
  external: (id) => !/^(\.|\/|[A-Za-z]:|zod(\/|$))/.test(id),
  output: { dir: 'dist/bundle', format: 'esm', chunkFileNames: '[name]-[hash].js', cleanDir: true },
};
