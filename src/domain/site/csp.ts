/**
 * Astro's CSP (`security.csp`) lists in every page the hash of every script and style it
 * bundled anywhere in the site (external files too, which `'self'` already allows): twenty
 * hashes, ≈ 0.9 KiB gzip that does not compress, in each of a thousand pages of a 500-note
 * site's offline download. A page needs only the hashes of its own inline `<script>` and
 * `<style>` bodies; this keeps those and drops the rest. Pure: HTML in, HTML out.
 */

/** The base64 digest of a text with an algorithm of CSP's (`sha256`, `sha384`, `sha512`). */
export type Digest = (algorithm: string, text: string) => string;

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;
/** Inline bodies only: an element with `src` loads a file, which the source list allows. */
const INLINE = /<(script|style)\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/\1>/gi;
const HASH = /'(sha(?:256|384|512))-([A-Za-z0-9+/=]+)'/g;

/** The policy with, in `script-src` and `style-src`, only the hashes of bodies the page holds. */
export function trimCspHashes(html: string, digest: Digest): string {
  const meta = META.exec(html);
  if (!meta) return html;
  const bodies = { script: new Set<string>(), style: new Set<string>() };
  for (const m of html.matchAll(INLINE)) {
    const body = m[2] as string;
    if (body) bodies[(m[1] as string).toLowerCase() as 'script' | 'style'].add(body);
  }
  const policy = (meta[1] as string)
    .split(';')
    .map((directive) => {
      const kind = /^\s*(script|style)-src(?:-elem)?\s/.exec(directive)?.[1] as
        'script' | 'style' | undefined;
      if (!kind) return directive;
      const wanted = new Map<string, Set<string>>();
      const keeps = (algorithm: string, value: string) => {
        let set = wanted.get(algorithm);
        if (!set) wanted.set(algorithm, (set = new Set([...bodies[kind]].map((b) => digest(algorithm, b)))));
        return set.has(value);
      };
      return directive
        .replace(HASH, (all, algorithm: string, value: string) => (keeps(algorithm, value) ? all : ''))
        .replace(/ {2,}/g, ' ')
        .replace(/ $/, '');
    })
    .join(';');
  return html.replace(meta[0], () => `<meta http-equiv="content-security-policy" content="${policy}">`);
}
