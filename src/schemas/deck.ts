/**
 * Flashcard decks. Hand-written decks are authored in `content/cards/<id>.yaml` (DeckFileSchema,
 * exported as `content/cards/deck.schema.json` for editors); decks derived from the notes and
 * hand-written ones end up as the same built shape (CardSchema / DeckSchema) that the pages use.
 */
import { z } from 'zod';
import { SlugSchema } from './note.ts';
import { SourceRefSchema } from './quiz.ts';

const Text = z.string().trim().min(1, 'must not be empty');

/** One hand-written card. */
export const DeckFileCardSchema = z
  .object({
    /** Stable within the deck: review progress is stored under `<deck>/<id>`; never reuse one. */
    id: SlugSchema.describe(
      'Stable slug within the deck. Progress is stored under <deck>/<id>: fix typos freely, never reuse an id.',
    ),
    front: Text.describe('The prompt (plain text).'),
    back: Text.describe('The answer (plain text), grounded in the note section named by source.'),
    source: SourceRefSchema,
    tags: z.array(SlugSchema).default([]).describe('Topic tags (optional).'),
  })
  .strict();

/** A hand-written deck file: `content/cards/<id>.yaml`. */
export const DeckFileSchema = z
  .object({
    id: SlugSchema.describe('Same as the file name; the deck is reviewed at /flashcards/<id>/.'),
    title: Text.describe('Deck title on /flashcards/.'),
    summary: Text.describe('One sentence for the deck list.'),
    cards: z.array(DeckFileCardSchema).min(1, 'a deck needs at least one card'),
  })
  .strict();

/** How a card came to be: which note pattern it was derived from, or written by hand. */
export const CardKindSchema = z.enum(['table', 'table-reverse', 'category', 'term', 'definition', 'hand']);

/** One note's wording of a merged card's answer (src/domain/flashcards/quality.ts). */
export const CardWordingSchema = z.object({
  source: SourceRefSchema,
  /** What the note asks it as ("Stateful — Horizontal Scaling"). */
  label: z.string(),
  text: z.string(),
});

/** A card as the site shows it (derived or hand-written). */
export const CardSchema = z.object({
  /** `<deck>/<slug>`: the key of its review progress. */
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
  deck: SlugSchema,
  kind: CardKindSchema,
  /** Where the question is asked ("Comparison · Aspect"), shown above the prompt. */
  context: z.string(),
  front: Text,
  back: Text,
  /** `<note-slug>#<heading-id>` of every note section saying the same thing (merged duplicates). */
  sources: z.array(SourceRefSchema).min(1),
  /** Ids of cards in other decks about the same thing, said differently. */
  related: z.array(z.string()),
  tags: z.array(SlugSchema),
  /** Merged near-duplicates: every note's wording, in reading order (the first is `back`). */
  wordings: z.array(CardWordingSchema).optional(),
  /** The notes disagree on this: the reviewed resolution to read. */
  conflict: z.object({ title: z.string(), href: z.string() }).optional(),
});

export const DeckSchema = z.object({
  id: SlugSchema,
  title: Text,
  summary: Text,
  /** `note`: derived from one note; `hand`: content/cards/<id>.yaml. */
  origin: z.enum(['note', 'hand']),
  cards: z.array(CardSchema),
});

export type DeckFile = z.infer<typeof DeckFileSchema>;
export type DeckFileInput = z.input<typeof DeckFileSchema>;
export type Card = z.infer<typeof CardSchema>;
export type CardWording = z.infer<typeof CardWordingSchema>;
export type CardKind = z.infer<typeof CardKindSchema>;
export type Deck = z.infer<typeof DeckSchema>;
