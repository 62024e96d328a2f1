export * from './types.ts';
export { ParamRegistry, ParamFileError, convertParamValue } from './registry.ts';
export {
  loadArticleManifest,
  checkManifest,
  type ArticleEntry,
  type ArticleManifest,
  type RuleDeclaration,
} from './articles.ts';
