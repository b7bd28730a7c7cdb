// Download size of the peers, measured the way `scripts/sizes.mjs` measures ours: each
// peer bundled for the browser with everything it needs (esbuild, minified, ES module) and
// gzipped at level 9. compromise: its default build (`import nlp from 'compromise'`);
// wink-nlp with wink-eng-lite-web-model: the library and its web model.
// Setup once: `npm ci` and `npm ci --prefix benches/peers`; run: `node benches/peer-sizes.mjs`.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const peers = {
  compromise: "import nlp from 'compromise'; globalThis.nlp = nlp;",
  'wink-nlp + wink-eng-lite-web-model':
    "import winkNLP from 'wink-nlp'; import model from 'wink-eng-lite-web-model'; globalThis.nlp = winkNLP(model);",
};

const dir = fileURLToPath(new URL('./peers/', import.meta.url));
console.log('| peer | minified bytes | gzipped (-9) |\n| --- | ---: | ---: |');
for (const [name, contents] of Object.entries(peers)) {
  const out = await build({
    stdin: { contents, resolveDir: dir, sourcefile: 'entry.mjs' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const bytes = out.outputFiles.reduce((n, f) => n + f.contents.length, 0);
  const gz = out.outputFiles.reduce((n, f) => n + gzipSync(f.contents, { level: 9 }).length, 0);
  console.log(`| ${name} | ${bytes.toLocaleString('en')} | ${gz.toLocaleString('en')} |`);
}
