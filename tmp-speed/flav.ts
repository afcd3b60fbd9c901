import { readFileSync, readdirSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
const dir = '/tmp/speed/c35';
const texts = readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => readFileSync(`${dir}/${f}`, 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
const flavours = {
  mdxGfmMath: unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath),
  gfmMath: unified().use(remarkParse).use(remarkGfm).use(remarkMath),
  mdxOnly: unified().use(remarkParse).use(remarkMdx),
  gfm: unified().use(remarkParse).use(remarkGfm),
  plain: unified().use(remarkParse),
};
for (let round = 0; round < 2; round++)
  for (const [name, p] of Object.entries(flavours)) {
    const t = performance.now();
    for (const x of texts) p.parse(x);
    if (round) console.log(name.padEnd(12), (performance.now() - t).toFixed(0), 'ms');
  }
