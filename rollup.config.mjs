// Bundles the widget into dist/widget/embed.js: one minified classic script, Lit and all CSS
// inside, nothing fetched from any other host at run time.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyHTMLLiterals } from 'minify-html-literals';

/** Lit's html`` and css`` templates keep their whitespace through terser; minify them first. */
const minifyLitTemplates = {
  name: 'minify-lit-templates',
  transform(code, id) {
    if (!id.includes('/widget/')) return null;
    return minifyHTMLLiterals(code, { fileName: id }) ?? null;
  },
};

export default {
  input: 'widget/embed.ts',
  output: {
    file: 'dist/widget/embed.js',
    format: 'iife',
    sourcemap: false,
  },
  plugins: [
    typescript({ tsconfig: 'widget/tsconfig.json', noEmit: false, outDir: undefined, declaration: false }),
    minifyLitTemplates,
    nodeResolve({ browser: true }),
    terser({
      ecma: 2021,
      module: false,
      compress: { passes: 3, pure_getters: true, toplevel: true },
      toplevel: true,
      format: { comments: false },
      // Lit's private members start with _$; mangling them breaks its internals shared across modules.
      mangle: { properties: false },
    }),
  ],
};
