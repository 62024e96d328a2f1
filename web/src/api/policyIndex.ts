/**
 * Looking up what an article address means: "D5 §7(1)" → its document's
 * 文号 and the article's title, from /api/documents and /api/articles.
 */
import type { ArticleManifest } from '../../../src/core/params/articles.ts';
import type { PolicyDocument } from '../../../src/core/params/types.ts';
import { getWithoutSchema } from './client.ts';
import { useApi } from './useApi.ts';

export interface PolicyIndex {
  /** "鸡政办规〔2022〕22号 第7条(1) 标题" style reading of an article address. */
  describe(article: string): { number: string; title: string };
}

export function buildPolicyIndex(documents: readonly PolicyDocument[], manifests: readonly ArticleManifest[]): PolicyIndex {
  const numbers = new Map(documents.map((d) => [d.id, d.number]));
  const titles = new Map<string, string>();
  for (const m of manifests) for (const a of m.articles) titles.set(a.article, a.title);

  return {
    describe(article) {
      const doc = article.split(' ')[0] ?? '';
      // "D5 §7(1)" may be listed as "D5 §7" in the manifest.
      const title = titles.get(article) ?? titles.get(article.replace(/\(.*$/, '')) ?? '';
      return { number: numbers.get(doc) ?? doc, title };
    },
  };
}

export function usePolicyIndex(): PolicyIndex | undefined {
  const loaded = useApi(async (signal) => {
    const [documents, manifests] = await Promise.all([
      getWithoutSchema<PolicyDocument[]>('/api/documents', signal),
      getWithoutSchema<ArticleManifest[]>('/api/articles', signal),
    ]);
    return buildPolicyIndex(documents, manifests);
  }, []);
  return loaded.data;
}
