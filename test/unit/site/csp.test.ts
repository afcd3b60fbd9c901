import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { trimCspHashes } from '../../../src/domain/site/csp.ts';

const digest = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('base64');
const hash = (text: string, algorithm = 'sha256') => `'${algorithm}-${digest(algorithm, text)}'`;
const THEME = 'document.documentElement.classList.add("js")';
const TOGGLE = 'var e=`tradeoffs:theme`;';
const STYLE = '.nav-count{color:red}';
const page = (policy: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><script>${THEME}</script>` +
  `<meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;

describe('trimCspHashes', () => {
  const policy =
    `default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' ${hash(THEME)} ${hash(TOGGLE)} ${hash('other')};` +
    ` style-src 'self' ${hash(STYLE)} ${hash('.unused{}')};`;

  it("keeps the hashes of the page's own inline scripts and styles and drops the rest", () => {
    const out = trimCspHashes(
      page(policy, `<style>${STYLE}</style><script type="module">${TOGGLE}</script>`),
      digest,
    );
    const csp = /content="([^"]*)"/.exec(out.slice(out.indexOf('content-security-policy')))?.[1] ?? '';
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash(THEME)} ${hash(TOGGLE)};`);
    expect(csp).toContain(`style-src 'self' ${hash(STYLE)};`);
    expect(csp).not.toContain(hash('other'));
    expect(csp).not.toContain(hash('.unused{}'));
    expect(csp).toContain("default-src 'self';img-src 'self' data:;");
  });

  it('drops a hash that matches only an external script (the file is allowed by its source)', () => {
    const out = trimCspHashes(
      page(policy, `<script type="module" src="/_astro/a.js">${TOGGLE}</script>`),
      digest,
    );
    expect(out).not.toContain(hash(TOGGLE));
    expect(out).toContain(hash(THEME));
  });

  it('does not let a script body count for style-src, nor a style for script-src', () => {
    const crossed = `script-src 'self' ${hash(STYLE)}; style-src 'self' ${hash(THEME)}`;
    const out = trimCspHashes(page(crossed, `<style>${STYLE}</style>`), digest);
    expect(out).toContain(`content="script-src 'self'; style-src 'self'"`);
  });

  it('reads other algorithms than SHA-256', () => {
    const out = trimCspHashes(
      page(`script-src 'self' ${hash(THEME, 'sha384')} ${hash('x', 'sha384')}`, ''),
      digest,
    );
    expect(out).toContain(hash(THEME, 'sha384'));
    expect(out).not.toContain(hash('x', 'sha384'));
  });

  it('leaves a page without a CSP meta as it is', () => {
    const html = '<html><head></head><body><script>x()</script></body></html>';
    expect(trimCspHashes(html, digest)).toBe(html);
  });
});
