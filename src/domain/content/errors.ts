/**
 * What every content gate reports and how it reads. Notes, quizzes, card decks, comparisons, the
 * decision walker and the prices all fail the build with the same line: file, line, the item
 * inside the file, the field, then what is wrong — so an author learns one shape of message.
 */

export interface ContentFile {
  /** Path as shown in messages, relative to the project root (e.g. `content/notes/a.mdx`). */
  path: string;
  bytes: Uint8Array;
}

export interface ContentError {
  file: string;
  line?: number | undefined;
  /** The item inside the file, e.g. `question "cold-start"` (quizzes, card decks). */
  item?: string | undefined;
  field?: string | undefined;
  message: string;
}

/** `quizzes/a.yaml:12: question "cold-start": field "questions.0.source": <message>` */
export const formatContentError = (e: ContentError): string =>
  `${e.file}${e.line ? `:${e.line}` : ''}: ${e.item ? `${e.item}: ` : ''}${e.field ? `field "${e.field}": ` : ''}${e.message}`;
