/**
 * The menu as a pure function of what the API offers: a department appears
 * with the pages whose endpoints all exist; a department whose routes have
 * landed before its pages gets its 接口目录 entry.
 */
import { SECTIONS } from './sections.ts';

export interface MenuRoute {
  path: string;
  title: string;
  section?: string;
  menu?: boolean;
  needs: readonly string[];
}

export interface MenuSection {
  key: string;
  title: string;
  items: { path: string; title: string }[];
}

export function buildMenu(
  routes: readonly MenuRoute[],
  offered: { has(endpoint: string): boolean; tags: readonly string[] },
): MenuSection[] {
  const sections: MenuSection[] = [];
  for (const section of SECTIONS) {
    const items = routes
      .filter((r) => r.menu && r.section === section.key && r.needs.every((n) => offered.has(n)))
      .map((r) => ({ path: r.path, title: r.title }));
    if (items.length === 0 && offered.tags.includes(section.tag)) {
      items.push({ path: `/catalog/${section.tag}`, title: '接口目录' });
    }
    if (items.length > 0) sections.push({ key: section.key, title: section.title, items });
  }
  return sections;
}

/** Breadcrumb trail: 首页 › department › parent › page. */
export function breadcrumbTrail(
  routes: readonly MenuRoute[],
  current: MenuRoute & { parent?: string },
  sectionTitle: string | undefined,
): { title: string; path?: string }[] {
  const trail: { title: string; path?: string }[] = [{ title: '首页', path: '/' }];
  if (current.path === '/') return [{ title: '首页' }];
  if (sectionTitle) trail.push({ title: sectionTitle });

  const chain: MenuRoute[] = [];
  let parent = current.parent;
  while (parent && parent !== '/') {
    const found = routes.find((r) => r.path === parent) as (MenuRoute & { parent?: string }) | undefined;
    if (!found) break;
    chain.unshift(found);
    parent = found.parent;
  }
  for (const r of chain) trail.push({ title: r.title, path: r.path });
  trail.push({ title: current.title });
  return trail;
}
