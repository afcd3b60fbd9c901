/**
 * Mojibake repair: text that was UTF-8, decoded as Mac Roman or Windows-1252 and saved again
 * ("üéØ" for 🎯, "â€”" for —). Checked line by line, so a file that mixes broken and correct
 * lines is fixed where broken and left alone where correct: a line is only changed when its
 * characters map back to bytes in that code page AND those bytes are valid UTF-8 AND the result
 * differs. Correct UTF-8 ("café", "✅") never round-trips that way, so it is never touched.
 */
import iconv from 'iconv-lite';

export type Codepage = 'macintosh' | 'windows-1252';
const CODEPAGES: Codepage[] = ['macintosh', 'windows-1252'];

export interface EncodingRepair {
  text: string;
  /** 1-based line numbers that were repaired, with the code page they had been read as. */
  repaired: { line: number; codepage: Codepage }[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Mac Roman 0xF0 is the Apple logo (U+F8FF), which iconv-lite's table leaves out. */
const APPLE_LOGO = '\uf8ff';

function encode(line: string, codepage: Codepage): Uint8Array | null {
  const parts = codepage === 'macintosh' ? line.split(APPLE_LOGO) : [line];
  const chunks: Uint8Array[] = [];
  for (const [i, part] of parts.entries()) {
    const bytes = iconv.encode(part, codepage);
    if (iconv.decode(bytes, codepage) !== part) return null; // a character outside the code page
    if (i > 0) chunks.push(Uint8Array.of(0xf0));
    chunks.push(bytes);
  }
  return Uint8Array.from(chunks.flatMap((c) => [...c]));
}

function tryCodepage(line: string, codepage: Codepage): string | null {
  const bytes = encode(line, codepage);
  if (!bytes) return null;
  try {
    const decoded = utf8.decode(bytes);
    return decoded !== line ? decoded : null;
  } catch {
    return null;
  }
}

export function repairLine(line: string): { text: string; codepage?: Codepage } {
  // Pure ASCII is identical in all three encodings.
  if (!/[^\x00-\x7f]/.test(line)) return { text: line };
  for (const codepage of CODEPAGES) {
    const repaired = tryCodepage(line, codepage);
    if (repaired !== null) return { text: repaired, codepage };
  }
  return { text: line };
}

export function repairMojibake(text: string): EncodingRepair {
  const repaired: EncodingRepair['repaired'] = [];
  const lines = text.split('\n').map((line, index) => {
    const result = repairLine(line);
    if (result.codepage) repaired.push({ line: index + 1, codepage: result.codepage });
    return result.text;
  });
  return { text: lines.join('\n'), repaired };
}
