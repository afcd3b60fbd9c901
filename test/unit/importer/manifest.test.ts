import { describe, expect, it } from 'vitest';
import {
  claim,
  emptyManifest,
  parseManifest,
  serialiseManifest,
} from '../../../src/domain/importer/manifest.ts';

describe('import manifest', () => {
  it('migrates version 1 (slug → hash) to entries keyed by source file, adopted by the next import', () => {
    const v1 = JSON.stringify({ 'architecture-paradigms': 'aa', orphan: 'bb' });
    const manifest = parseManifest(v1, (slug) =>
      slug === 'architecture-paradigms' ? '000_x.txt' : undefined,
    );
    expect(manifest.notes).toEqual({
      '*/000_x.txt': { file: 'architecture-paradigms.mdx', slug: 'architecture-paradigms', sha256: 'aa' },
      '*/orphan.mdx': { file: 'orphan.mdx', slug: 'orphan', sha256: 'bb' },
    });
    expect(claim(manifest, 'seeds/000_x.txt')?.slug).toBe('architecture-paradigms');
    expect(Object.keys(manifest.notes)).toEqual(['*/orphan.mdx', 'seeds/000_x.txt']);
    // Claimed once: the same entry, not a copy, on the next lookup.
    expect(claim(manifest, 'seeds/000_x.txt')?.sha256).toBe('aa');
    expect(claim(manifest, 'seeds/unknown.txt')).toBeUndefined();
  });

  it('round-trips version 2, sorted, and reads nothing as empty', () => {
    const manifest = emptyManifest();
    manifest.notes['v/b.md'] = { file: 'b.mdx', slug: 'b', sha256: '2' };
    manifest.notes['v/a.md'] = { file: 'a.mdx', slug: 'a', sha256: '1' };
    const text = serialiseManifest(manifest);
    expect(text.indexOf('v/a.md')).toBeLessThan(text.indexOf('v/b.md'));
    expect(parseManifest(text, () => undefined)).toEqual(manifest);
    expect(parseManifest(undefined, () => undefined)).toEqual(emptyManifest());
    expect(parseManifest('  ', () => undefined)).toEqual(emptyManifest());
  });
});
