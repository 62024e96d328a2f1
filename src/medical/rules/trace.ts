/**
 * What one settlement records as it goes: the articles applied (always),
 * notes on layers that paid nothing or were limited (always), explanation
 * steps (only when asked: `steps` is null otherwise, and callers test it
 * before building any text, so the fast path builds none).
 */
import type { ExplanationStep, ParamUse } from '../../core/explain.ts';
import type { BillNote } from './types.ts';

export class Trace {
  readonly articles: string[] = [];
  readonly notes: BillNote[] = [];
  readonly steps: ExplanationStep[] | null;

  constructor(explain: boolean) {
    this.steps = explain ? [] : null;
  }

  article(article: string): void {
    this.articles.push(article);
  }

  note(note: BillNote): void {
    this.notes.push(note);
    this.articles.push(note.article);
    if (this.steps) this.steps.push({ rule: note.rule, article: note.article, text: note.text });
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
