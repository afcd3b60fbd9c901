import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE_ENV, rehypeBase } from '../../../src/markdown/rehype-base.ts';

const render = (md: string, options?: { base?: string }) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeBase, options)
      .use(rehypeStringify)
      .processSync(md),
  );

const saved = process.env[BASE_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[BASE_ENV];
  else process.env[BASE_ENV] = saved;
});

describe('rehypeBase', () => {
  const md =
    '[note](/notes/a/#h) ![img](/diagrams/x.svg) [here](#top) [web](https://example.org/) [rel](other/)';

  it('puts the base in front of root-relative links and images only', () => {
    expect(render(md, { base: '/tradeoffs/' })).toBe(
      '<p><a href="/tradeoffs/notes/a/#h">note</a> <img src="/tradeoffs/diagrams/x.svg" alt="img"> <a href="#top">here</a> <a href="https://example.org/">web</a> <a href="other/">rel</a></p>',
    );
  });

  it('reads the base the build set, and changes nothing at the root', () => {
    process.env[BASE_ENV] = '/repo/';
    expect(render('[n](/notes/a/)')).toBe('<p><a href="/repo/notes/a/">n</a></p>');
    delete process.env[BASE_ENV];
    expect(render(md)).toContain('href="/notes/a/#h"');
    expect(render(md, { base: '/' })).toContain('src="/diagrams/x.svg"');
  });
});
