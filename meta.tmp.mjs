import { build } from 'esbuild';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'esm', write: false, metafile: true, treeShaking: true });
const out = Object.values(r.metafile.outputs)[0];
const by = {};
for (const [k, v] of Object.entries(out.inputs)) { const key = k.replace(/node_modules\/(zod\/v4\/[^/]+|[^/]+).*/, '$1'); by[key] = (by[key] ?? 0) + v.bytesInOutput; }
console.log(Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 15));
const { gzipSync } = await import('node:zlib');
console.log('total', r.outputFiles[0].contents.length, 'gzip', gzipSync(r.outputFiles[0].contents).length);
