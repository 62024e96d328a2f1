/**
 * The frame a clerk expects: the platform's name and a search box on top,
 * the menu by department on the left, breadcrumbs and the page title above
 * the page. Keyboard first: a skip link, a labelled search form, a named
 * navigation landmark, focus moved to the title on each page change.
 */
import { Breadcrumb, Button, Input, Layout, Menu, Typography } from 'antd';
import { Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

import { useCapabilities } from '../api/capabilities.tsx';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/States.tsx';
import { breadcrumbTrail, buildMenu } from '../menu.ts';
import { Link, matchPath, navigate, useLocation } from '../router.tsx';
import { findRoute, ROUTES } from '../routes.tsx';
import { sectionByKey, sectionByTag } from '../sections.ts';

const APP_NAME = '鸡西市政策执行平台';

export function AppLayout() {
  const { pathname, search } = useLocation();
  const { caps, error, loading } = useCapabilities();
  const session = useSession();
  const found = findRoute(pathname, matchPath);
  const [query, setQuery] = useState(() => (pathname === '/search' ? (new URLSearchParams(search).get('q') ?? '') : ''));

  const menu = useMemo(() => (caps ? buildMenu(ROUTES, caps) : []), [caps]);
  const section = found?.route.section
    ? sectionByKey(found.route.section)
    : found?.route.path === '/catalog/:tag'
      ? sectionByTag(found.params.tag ?? '')
      : undefined;
  const title = found?.route.title ?? '页面不存在';
  const trail = found ? breadcrumbTrail(ROUTES, found.route, section?.title) : [{ title: '首页', path: '/' }, { title }];

  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(pathname);
  useEffect(() => {
    document.title = `${title} - ${APP_NAME}`;
  }, [title]);
  useEffect(() => {
    // After a navigation (not on first load) the screen reader hears the new title.
    if (shown.current === pathname) return;
    shown.current = pathname;
    heading.current?.focus();
  }, [pathname]);

  const selected = found ? [found.route.menu ? found.route.path : (found.route.parent ?? pathname)] : [];

  let page: ReactNode;
  if (!found) {
    page = <Typography.Paragraph>没有这个页面。请从左侧菜单选择，或返回<Link to="/">首页</Link>。</Typography.Paragraph>;
  } else if (found.route.needs.length > 0 && caps && !found.route.needs.every((n) => caps.has(n))) {
    page = (
      <Typography.Paragraph>
        该页面所需的接口（{found.route.needs.join('、')}）尚未在平台上提供。
      </Typography.Paragraph>
    );
  } else {
    const Page = found.route.component;
    page = (
      <Suspense fallback={<Loading />}>
        <Page params={found.params} />
      </Suspense>
    );
  }

  return (
    <Layout className="app">
      <a className="skip-link" href="#main-content">
        跳到主要内容
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="app-name">
          {APP_NAME}
        </Link>
        <form
          role="search"
          aria-label="全站搜索"
          className="app-search"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/search?q=${encodeURIComponent(query.trim())}`);
          }}
        >
          <Input.Search
            aria-label="搜索参保人员（身份证号或姓名）、政策参数"
            placeholder="身份证号、姓名或政策参数"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onSearch={(value) => navigate(`/search?q=${encodeURIComponent(value.trim())}`)}
            enterButton="搜索"
            allowClear
          />
        </form>
        {session.offered ? (
          <div className="app-user">
            {session.user ? (
              <>
                <span>
                  {session.user.displayName || session.user.username}（{session.user.roleTitle ?? session.user.role}）
                </span>
                <Button
                  size="small"
                  onClick={async () => {
                    await api.POST('/api/auth/logout').catch(() => undefined);
                    session.reload();
                    navigate('/login');
                  }}
                >
                  退出
                </Button>
              </>
            ) : (
              <Link to={`/login?next=${encodeURIComponent(pathname + search)}`} className="app-login">
                登录
              </Link>
            )}
          </div>
        ) : null}
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider width={208} className="app-sider" breakpoint="lg" collapsedWidth={0}>
          <nav aria-label="主菜单">
            {loading ? <Loading label="正在读取平台提供的功能…" /> : null}
            {error ? <ErrorNotice error={error} /> : null}
            <Menu
              key={menu.map((s) => s.key).join()}
              mode="inline"
              selectedKeys={selected}
              defaultOpenKeys={menu.map((s) => s.key)}
              onClick={({ key }) => navigate(key)}
              items={[
                { key: '/', label: '首页' },
                ...menu.map((s) => ({
                  key: s.key,
                  label: s.title,
                  children: s.items.map((i) => ({ key: i.path, label: i.title })),
                })),
              ]}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main-content" className="app-content" tabIndex={-1}>
          <Breadcrumb
            className="app-breadcrumb"
            aria-label="当前位置"
            items={trail.map((t, index) => ({
              title:
                t.path && index < trail.length - 1 ? <Link to={t.path}>{t.title}</Link> : <span aria-current={index === trail.length - 1 ? 'page' : undefined}>{t.title}</span>,
            }))}
          />
          <Typography.Title level={1} className="page-title" tabIndex={-1} ref={heading}>
            {title}
          </Typography.Title>
          {page}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
