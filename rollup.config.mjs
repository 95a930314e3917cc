// Bundles the widget into dist/widget/embed.js: one minified classic script, Lit and all CSS
// inside, nothing fetched from any other host at run time. Texts in languages other than
// English become small modules in dist/widget/embed/locales/, fetched only by pages in them.
// The author's inbox is dist/widget/inbox.js, served with its page at /inbox.
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

const plugins = () => [
  typescript({ tsconfig: 'widget/tsconfig.json', noEmit: false, outDir: undefined, declaration: false }),
  minifyLitTemplates,
  nodeResolve({ browser: true }),
  terser({
    ecma: 2021,
    compress: { passes: 3, pure_getters: true, toplevel: true, unsafe_arrows: true, unsafe_methods: true, keep_fargs: false },
    toplevel: true,
    format: { comments: false },
    // Our own private members (_name) are renamed; Lit's protocol members (_$…) never are.
    mangle: { properties: { regex: /^_[a-zA-Z]/ } },
  }),
];

export default [
  {
    input: 'widget/embed.ts',
    output: { file: 'dist/widget/embed.js', format: 'iife', sourcemap: false },
    plugins: plugins(),
  },
  {
    input: 'widget/inbox.ts',
    output: { file: 'dist/widget/inbox.js', format: 'iife', sourcemap: false },
    plugins: plugins(),
  },
  {
    input: { de: 'widget/locales/de.ts', es: 'widget/locales/es.ts' },
    output: { dir: 'dist/widget/embed/locales', format: 'es', entryFileNames: '[name].js', sourcemap: false },
    plugins: plugins(),
  },
];
