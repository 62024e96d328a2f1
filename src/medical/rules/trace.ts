/**
 * What one settlement records as it goes: the articles applied and notes on
 * layers that paid nothing or were limited (always), explanation steps (only
 * when asked: `steps` is null otherwise, and callers test it before building
 * any text). Articles and notes are kept as bit masks and turned into shared,
 * frozen arrays cached per mask, so the fast path allocates neither.
 */
import type { ExplanationStep, ParamUse } from '../../core/explain.ts';
import type { BillNote } from './types.ts';

/** Every article the one-stop settlement can apply, in settlement order. */
const ARTICLE_ORDER = [
  'D4 §2',
  'D4 §3',
  'D5 §17',
  'D5 §9',
  'D5 §7(4)',
  'D5 §6',
  'D5 §7(1)',
  'D5 §7(2)',
  'D5 §7(3)',
  'D5 §10',
  'D4 §21',
  'D4 §6',
  'D4 §14',
  'D4 §8',
  'D4 §16',
  'D4 §10(1)',
  'D4 §10(2)',
  'D4 §10(3)',
  'D4 §11(1)',
  'D4 §11(2)',
  'D4 §11(3)',
  'D4 §9',
  'D5 §8',
  'D5 §5',
  'D5 §5(1)',
];

const articleBit = new Map<string, number>(ARTICLE_ORDER.map((a, i) => [a, 2 ** i]));
const articleNames = [...ARTICLE_ORDER];
const articlesByMask = new Map<number, string[]>();

const noteBit = new Map<BillNote, number>();
const notesInOrder: BillNote[] = [];
const notesByMask = new Map<number, BillNote[]>();
const EMPTY_NOTES: BillNote[] = Object.freeze([]) as unknown as BillNote[];

/** Bit of an article; one seen for the first time (a parameter's own citation) is added at the end. */
function bitOf(article: string): number {
  let bit = articleBit.get(article);
  if (bit === undefined) {
    if (articleNames.length >= 52) throw new RangeError('too many distinct articles for the article mask');
    bit = 2 ** articleNames.length;
    articleBit.set(article, bit);
    articleNames.push(article);
  }
  return bit;
}

function articlesOf(mask: number): string[] {
  let list = articlesByMask.get(mask);
  if (!list) {
    list = articleNames.filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1);
    Object.freeze(list);
    articlesByMask.set(mask, list);
  }
  return list;
}

function notesOf(mask: number): BillNote[] {
  if (mask === 0) return EMPTY_NOTES;

  let list = notesByMask.get(mask);
  if (!list) {
    list = notesInOrder.filter((n) => Math.floor(mask / noteBit.get(n)!) % 2 === 1);
    Object.freeze(list);
    notesByMask.set(mask, list);
  }
  return list;
}

const LAYER_ORDER: Record<BillNote['layer'], number> = { pooling: 0, assistance: 1, account: 2 };

export class Trace {
  private articleMask = 0;
  private noteMask = 0;
  readonly steps: ExplanationStep[] | null;

  constructor(explain: boolean) {
    this.steps = explain ? [] : null;
  }

  article(article: string): void {
    const bit = bitOf(article);
    if (Math.floor(this.articleMask / bit) % 2 === 0) this.articleMask += bit;
  }

  note(note: BillNote): void {
    let bit = noteBit.get(note);
    if (bit === undefined) bit = internNote(note);
    if (Math.floor(this.noteMask / bit) % 2 === 0) this.noteMask += bit;
    this.article(note.article);
    if (this.steps) this.steps.push({ rule: note.rule, article: note.article, text: note.text });
  }

  /** Articles applied, in settlement order; shared and frozen. */
  get articles(): string[] {
    return articlesOf(this.articleMask);
  }

  /** Notes, by layer; shared and frozen. */
  get notes(): BillNote[] {
    return notesOf(this.noteMask);
  }

  step(
    rule: string,
    article: string,
    text: string,
    params?: ParamUse[],
    values?: ExplanationStep['values'],
  ): void {
    this.steps?.push({
      rule,
      article,
      text,
      ...(params ? { params } : {}),
      ...(values ? { values } : {}),
    });
  }
}

function articleRank(article: string): number {
  const rank = ARTICLE_ORDER.indexOf(article);
  return rank === -1 ? ARTICLE_ORDER.length : rank;
}

function internNote(note: BillNote): number {
  if (notesInOrder.length >= 52) throw new RangeError('too many distinct notes for the note mask');
  const bit = 2 ** notesInOrder.length;
  noteBit.set(note, bit);
  notesInOrder.push(note);
  // By layer, then article, then code: the same order in every process,
  // whatever order the rule modules happened to be loaded in.
  notesInOrder.sort((a, b) =>
    LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer] ||
    articleRank(a.article) - articleRank(b.article) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  notesByMask.clear();
  return bit;
}

/** A note is fixed text: built once, shared by every bill that carries it. */
export function billNote(
  layer: BillNote['layer'],
  code: BillNote['code'],
  rule: string,
  article: string,
  text: string,
): BillNote {
  return Object.freeze({ layer, code, rule, article, text });
}
