/**
 * The import manifest (`content/notes/.import-manifest.json`): for every imported source file,
 * where it went and the hash of what was written. A note is identified by its source path
 * (`<imported folder's name>/<path inside it>`), never by its title, so a different file with
 * the same title keeps its own slug in every run, and a file edited on our side since its
 * import is recognised (its hash differs) and kept.
 */

export interface ManifestEntry {
  /** The written note (or attachment), relative to the notes folder. */
  file: string;
  /** The note's slug (notes only). */
  slug?: string;
  /** Reading order given at import (notes without frontmatter), kept so adding a note moves no other. */
  order?: number;
  sha256: string;
}

export interface Manifest {
  version: 2;
  /** `<folder name>/<path inside it>` → what was written. */
  notes: Record<string, ManifestEntry>;
  attachments: Record<string, ManifestEntry>;
}

/** Key of a source whose imported folder is unknown (a version-1 manifest only had file names). */
export const LEGACY_ROOT = '*';

export const emptyManifest = (): Manifest => ({ version: 2, notes: {}, attachments: {} });

/**
 * Reads a manifest. Version 1 was `{ slug: sha256 }`; `sourceOf(slug)` reads the note's
 * `source:` field so each entry can be keyed by its source file (under LEGACY_ROOT, adopted by
 * the first import that brings a file of that name).
 */
export function parseManifest(
  text: string | undefined,
  sourceOf: (slug: string) => string | undefined,
): Manifest {
  if (!text?.trim()) return emptyManifest();
  const value = JSON.parse(text) as unknown;
  if (value && typeof value === 'object' && (value as { version?: unknown }).version === 2) {
    const v2 = value as Partial<Manifest>;
    return { version: 2, notes: { ...v2.notes }, attachments: { ...v2.attachments } };
  }
  const manifest = emptyManifest();
  for (const [slug, sha256] of Object.entries(value as Record<string, string>)) {
    const source = sourceOf(slug) ?? `${slug}.mdx`;
    manifest.notes[`${LEGACY_ROOT}/${source}`] = { file: `${slug}.mdx`, slug, sha256 };
  }
  return manifest;
}

/** The entry of a source, adopting a legacy entry of the same file name (the key is moved). */
export function claim(manifest: Manifest, key: string): ManifestEntry | undefined {
  const found = manifest.notes[key];
  if (found) return found;
  const rel = key.slice(key.indexOf('/') + 1);
  for (const legacy of [`${LEGACY_ROOT}/${rel}`, `${LEGACY_ROOT}/${rel.split('/').pop() ?? rel}`]) {
    const entry = manifest.notes[legacy];
    if (entry) {
      delete manifest.notes[legacy];
      manifest.notes[key] = entry;
      return entry;
    }
  }
  return undefined;
}

const sorted = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

export const serialiseManifest = (manifest: Manifest): string =>
  `${JSON.stringify({ version: 2, notes: sorted(manifest.notes), attachments: sorted(manifest.attachments) }, null, 2)}\n`;
