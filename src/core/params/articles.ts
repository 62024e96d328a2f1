/**
 * Article manifests: every article of a document maps to the rules that
 * implement it, or says in one line why it has no computable content.
 * A test per domain checks the manifest against the rules in code.
 */
import { readFileSync } from 'node:fs';

import { parse as parseYaml } from 'yaml';

export interface ArticleEntry {
  /** "D5 §7(1)" */
  article: string;
  title: string;
  /** Rule ids that implement the article. */
  rules?: string[];
  /** Why the article has no computable content. */
  noRule?: string;
  /** A clause not yet modelled and what is done instead. */
  gap?: string;
}

export interface ArticleManifest {
  document: string;
  articles: ArticleEntry[];
}

export function loadArticleManifest(file: string): ArticleManifest {
  const parsed = parseYaml(readFileSync(file, 'utf8')) as {
    document: string;
    articles: Array<{
      article: string;
      title: string;
      rules?: string[];
      no_rule?: string;
      gap?: string;
    }>;
  };
  return {
    document: parsed.document,
    articles: parsed.articles.map((a) => ({
      article: a.article,
      title: a.title,
      ...(a.rules ? { rules: a.rules } : {}),
      ...(a.no_rule ? { noRule: a.no_rule } : {}),
      ...(a.gap ? { gap: a.gap } : {}),
    })),
  };
}

/** A rule as code declares it: its id carries the article (`d5.art7_1.…`). */
export interface RuleDeclaration {
  id: string;
  articles: string[];
  title: string;
}

/** Problems between a manifest and the rules declared in code; empty if in sync. */
export function checkManifest(
  manifest: ArticleManifest,
  rules: readonly RuleDeclaration[],
): string[] {
  const problems: string[] = [];
  const declared = new Map(rules.map((r) => [r.id, r]));
  const mapped = new Set<string>();

  for (const entry of manifest.articles) {
    const hasRules = (entry.rules?.length ?? 0) > 0;
    if (!hasRules && !entry.noRule) {
      problems.push(`${entry.article}: neither rules nor a reason for none`);
    }
    for (const id of entry.rules ?? []) {
      mapped.add(id);
      const rule = declared.get(id);
      if (!rule) problems.push(`${entry.article}: rule ${id} is not in code`);
      else if (!rule.articles.includes(entry.article)) {
        problems.push(`${entry.article}: rule ${id} does not cite it`);
      }
    }
  }
  for (const rule of rules) {
    if (!mapped.has(rule.id)) {
      problems.push(`rule ${rule.id} is in no article of the manifest`);
    }
  }
  return problems;
}
