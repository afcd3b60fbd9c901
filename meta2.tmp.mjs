import { build } from 'esbuild';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'esm', write: false, metafile: true });
const out = Object.values(r.metafile.outputs)[0];
console.log(Object.entries(out.inputs).map(([k, v]) => [k.replace(/.*node_modules\//, ''), v.bytesInOutput]).filter(x=>x[1]>300).sort((a, b) => b[1] - a[1]).slice(0, 25));
