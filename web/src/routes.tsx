/**
 * Every page: its address, title, department, the endpoints it needs (the
 * menu shows it only when the OpenAPI document offers them all) and its
 * breadcrumb parent. Pages load on demand so each keeps its own bundle.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PageProps {
  params: Record<string, string>;
}

export interface PageRoute {
  path: string;
  title: string;
  section?: string;
  /** Shown in the menu (detail pages are reached from their list). */
  menu?: boolean;
  /** "GET /api/params" … */
  needs: readonly string[];
  parent?: string;
  component: LazyExoticComponent<ComponentType<PageProps>>;
}

export const ROUTES: readonly PageRoute[] = [
  { path: '/', title: '首页', needs: [], component: lazy(() => import('./pages/HomePage.tsx')) },
  { path: '/login', title: '登录', needs: ['POST /api/auth/login'], component: lazy(() => import('./pages/LoginPage.tsx')) },
  { path: '/search', title: '搜索', needs: [], parent: '/', component: lazy(() => import('./pages/SearchPage.tsx')) },

  // 医保: 鸡政办规〔2022〕21号 (D4) and 22号 (D5), /api/medical.
  {
    path: '/medical/persons',
    title: '参保人员',
    section: 'medical',
    menu: true,
    needs: ['GET /api/medical/persons'],
    component: lazy(() => import('./pages/medical/PersonsPage.tsx')),
  },
  {
    path: '/medical/persons/:personId',
    title: '参保人详情',
    section: 'medical',
    needs: ['GET /api/medical/persons/{personId}'],
    parent: '/medical/persons',
    component: lazy(() => import('./pages/medical/PersonPage.tsx')),
  },
  {
    path: '/medical/settle',
    title: '结算',
    section: 'medical',
    menu: true,
    needs: ['POST /api/medical/claims/preview', 'POST /api/medical/claims'],
    component: lazy(() => import('./pages/medical/SettlePage.tsx')),
  },
  {
    path: '/medical/batch',
    title: '批量结算',
    section: 'medical',
    menu: true,
    needs: ['POST /api/medical/batches', 'GET /api/medical/batches/{runId}', 'GET /api/medical/templates/{kind}'],
    component: lazy(() => import('./pages/medical/BatchPage.tsx')),
  },
  {
    path: '/medical/bills',
    title: '一单制结算单',
    section: 'medical',
    menu: true,
    needs: ['GET /api/medical/bills/{claimId}'],
    component: lazy(() => import('./pages/medical/BillLookupPage.tsx')),
  },
  {
    path: '/medical/bills/:claimId',
    title: '一单制结算单',
    section: 'medical',
    needs: ['GET /api/medical/bills/{claimId}'],
    parent: '/medical/bills',
    component: lazy(() => import('./pages/medical/BillPage.tsx')),
  },
  {
    path: '/medical/lists',
    title: '监测名单',
    section: 'medical',
    menu: true,
    needs: ['GET /api/medical/push-list', 'GET /api/medical/watch-list'],
    component: lazy(() => import('./pages/medical/ListsPage.tsx')),
  },
  {
    path: '/medical/fund',
    title: '救助资金',
    section: 'medical',
    menu: true,
    needs: ['GET /api/medical/fund/{year}'],
    component: lazy(() => import('./pages/medical/FundPage.tsx')),
  },

  // 价格: 鸡政办规〔2022〕20号 (D3) 价格异常波动应急预案, /api/price.
  {
    path: '/price',
    title: '价格监测',
    section: 'price',
    menu: true,
    needs: ['GET /api/price/items', 'GET /api/price/points', 'GET /api/price/averages', 'POST /api/price/indicators/ifpa', 'GET /api/params/{id}'],
    component: lazy(() => import('./pages/price/DashboardPage.tsx')),
  },
  {
    path: '/price/observations',
    title: '监测数据',
    section: 'price',
    menu: true,
    needs: [
      'GET /api/price/observations',
      'POST /api/price/observations',
      'POST /api/price/observations/import',
      'POST /api/price/observations/{id}/confirm',
      'POST /api/price/observations/{id}/reject',
    ],
    component: lazy(() => import('./pages/price/ObservationsPage.tsx')),
  },
  {
    path: '/price/signals',
    title: '投诉与巡查',
    section: 'price',
    menu: true,
    needs: ['GET /api/price/complaints', 'POST /api/price/complaints', 'GET /api/price/panic-reports', 'POST /api/price/panic-reports', 'GET /api/price/items', 'GET /api/price/points'],
    component: lazy(() => import('./pages/price/SignalsPage.tsx')),
  },
  {
    path: '/price/proposals',
    title: '预警建议',
    section: 'price',
    menu: true,
    needs: ['GET /api/price/detections', 'POST /api/price/detections', 'GET /api/price/detections/{id}'],
    component: lazy(() => import('./pages/price/ProposalsPage.tsx')),
  },
  {
    path: '/price/warnings',
    title: '预警',
    section: 'price',
    menu: true,
    needs: ['GET /api/price/warnings', 'POST /api/price/warnings', 'GET /api/price/items'],
    component: lazy(() => import('./pages/price/WarningsPage.tsx')),
  },
  {
    path: '/price/warnings/:id',
    title: '预警详情',
    section: 'price',
    needs: [
      'GET /api/price/warnings/{id}',
      'POST /api/price/warnings/{id}/approve',
      'POST /api/price/warnings/{id}/reject',
      'POST /api/price/warnings/{id}/publish',
      'POST /api/price/warnings/{id}/change-level',
      'POST /api/price/warnings/{id}/terminate',
      'GET /api/price/warnings/{id}/tasks',
      'POST /api/price/warnings/{id}/tasks/done',
      'GET /api/price/warnings/{id}/cap',
      'GET /api/price/warnings/{id}/cap/{identifier}',
    ],
    parent: '/price/warnings',
    component: lazy(() => import('./pages/price/WarningPage.tsx')),
  },
  {
    path: '/price/incidents',
    title: '事件报告时限',
    section: 'price',
    menu: true,
    needs: ['GET /api/price/incidents', 'POST /api/price/incidents', 'GET /api/price/incidents/{id}', 'POST /api/price/incidents/{id}/reports'],
    component: lazy(() => import('./pages/price/IncidentsPage.tsx')),
  },
  {
    path: '/price/directory',
    title: '组织名录',
    section: 'price',
    menu: true,
    needs: ['GET /api/price/directory', 'PUT /api/price/directory/{id}', 'GET /api/price/directory/changes'],
    component: lazy(() => import('./pages/price/DirectoryPage.tsx')),
  },
  {
    path: '/price/catalogue',
    title: '监测目录',
    section: 'price',
    menu: true,
    needs: ['GET /api/price/items', 'PUT /api/price/items', 'GET /api/price/points', 'PUT /api/price/points'],
    component: lazy(() => import('./pages/price/CataloguePage.tsx')),
  },
  {
    path: '/price/subsidies',
    title: '价格临时补贴',
    section: 'price',
    menu: true,
    needs: ['GET /api/price/subsidies/indices', 'PUT /api/price/subsidies/indices', 'POST /api/price/subsidies/payments/{month}', 'GET /api/price/subsidies/payments/{month}'],
    component: lazy(() => import('./pages/price/SubsidiesPage.tsx')),
  },

  // 残联: 鸡政规〔2022〕8号 (D1) “十四五”残疾人保障和发展规划, /api/disability.
  {
    path: '/disability/persons',
    title: '残疾人名册',
    section: 'disability',
    menu: true,
    needs: ['GET /api/disability/persons', 'GET /api/disability/counties'],
    component: lazy(() => import('./pages/disability/PersonsPage.tsx')),
  },
  {
    path: '/disability/persons/new',
    title: '登记残疾人',
    section: 'disability',
    needs: ['POST /api/disability/persons'],
    parent: '/disability/persons',
    component: lazy(() => import('./pages/disability/RegisterPage.tsx')),
  },
  {
    path: '/disability/persons/:personId',
    title: '残疾人档案',
    section: 'disability',
    needs: ['GET /api/disability/persons/{personId}', 'GET /api/disability/persons/{personId}/eligibility', 'GET /api/disability/applications'],
    parent: '/disability/persons',
    component: lazy(() => import('./pages/disability/PersonPage.tsx')),
  },
  {
    path: '/disability/payroll',
    title: '两项补贴发放',
    section: 'disability',
    menu: true,
    needs: ['GET /api/disability/payroll', 'POST /api/disability/payroll/{month}/run', 'GET /api/disability/payroll/{month}/lines'],
    component: lazy(() => import('./pages/disability/PayrollPage.tsx')),
  },
  {
    path: '/disability/indicators',
    title: '规划指标监测',
    section: 'disability',
    menu: true,
    needs: ['GET /api/disability/indicators'],
    component: lazy(() => import('./pages/disability/IndicatorsPage.tsx')),
  },
  {
    path: '/disability/quota',
    title: '按比例就业核查',
    section: 'disability',
    menu: true,
    needs: ['GET /api/disability/employers/quota-check'],
    component: lazy(() => import('./pages/disability/QuotaPage.tsx')),
  },

  // 信用: 鸡政办规〔2022〕16号 (D2) 信用分级分类监管, /api/credit.
  {
    path: '/credit/entities',
    title: '市场主体',
    section: 'credit',
    menu: true,
    needs: ['GET /api/credit/entities', 'GET /api/credit/indicators'],
    component: lazy(() => import('./pages/credit/EntitiesPage.tsx')),
  },
  {
    path: '/credit/entities/:uscc',
    title: '信用档案',
    section: 'credit',
    needs: ['GET /api/credit/entities/{uscc}', 'GET /api/credit/entities/{uscc}/score'],
    parent: '/credit/entities',
    component: lazy(() => import('./pages/credit/EntityPage.tsx')),
  },
  {
    path: '/credit/records',
    title: '记录报送',
    section: 'credit',
    menu: true,
    needs: ['POST /api/credit/records', 'POST /api/credit/import/records'],
    component: lazy(() => import('./pages/credit/RecordsPage.tsx')),
  },
  {
    path: '/credit/sectors',
    title: '行业领域与评价模型',
    section: 'credit',
    menu: true,
    needs: ['GET /api/credit/sectors', 'GET /api/credit/sectors/{code}/distribution', 'GET /api/credit/sectors/{code}/models'],
    component: lazy(() => import('./pages/credit/SectorsPage.tsx')),
  },
  {
    path: '/credit/plans',
    title: '双随机抽查',
    section: 'credit',
    menu: true,
    needs: ['GET /api/credit/plans', 'POST /api/credit/plans', 'GET /api/credit/inspectors'],
    component: lazy(() => import('./pages/credit/PlansPage.tsx')),
  },
  {
    path: '/credit/objections',
    title: '异议处理',
    section: 'credit',
    menu: true,
    needs: ['GET /api/credit/objections', 'POST /api/credit/objections/{id}/actions'],
    component: lazy(() => import('./pages/credit/ObjectionsPage.tsx')),
  },
  {
    path: '/credit/repairs',
    title: '信用修复',
    section: 'credit',
    menu: true,
    needs: ['GET /api/credit/repairs', 'POST /api/credit/repairs/{id}/actions'],
    component: lazy(() => import('./pages/credit/RepairsPage.tsx')),
  },
  {
    path: '/credit/me',
    title: '本主体信用',
    section: 'credit',
    menu: true,
    needs: ['GET /api/credit/entities/{uscc}/score', 'POST /api/credit/objections', 'POST /api/credit/repairs'],
    component: lazy(() => import('./pages/credit/MyCreditPage.tsx')),
  },
  {
    path: '/credit/access-log',
    title: '查询记录',
    section: 'credit',
    menu: true,
    needs: ['GET /api/credit/access-log'],
    component: lazy(() => import('./pages/credit/AccessLogPage.tsx')),
  },

  // 测算: 政策测算 over every area's rules, /api/simulation.
  {
    path: '/simulation',
    title: '测算方案',
    section: 'simulation',
    menu: true,
    needs: ['GET /api/simulation/scenarios', 'POST /api/simulation/scenarios'],
    component: lazy(() => import('./pages/simulation/SimulationPage.tsx')),
  },
  {
    path: '/simulation/scenarios/:id',
    title: '测算方案详情',
    section: 'simulation',
    needs: ['GET /api/simulation/scenarios/{id}', 'POST /api/simulation/scenarios/{id}/runs'],
    parent: '/simulation',
    component: lazy(() => import('./pages/simulation/ScenarioPage.tsx')),
  },
  {
    path: '/simulation/runs/:runId',
    title: '测算结果',
    section: 'simulation',
    needs: ['GET /api/simulation/runs/{runId}'],
    parent: '/simulation',
    component: lazy(() => import('./pages/simulation/RunPage.tsx')),
  },
  {
    path: '/simulation/compare',
    title: '测算比较',
    section: 'simulation',
    needs: ['GET /api/simulation/compare'],
    parent: '/simulation',
    component: lazy(() => import('./pages/simulation/ComparePage.tsx')),
  },

  // 政策依据: the core endpoints every area shares.
  {
    path: '/params',
    title: '政策参数',
    section: 'platform',
    menu: true,
    needs: ['GET /api/params'],
    component: lazy(() => import('./pages/platform/ParamsPage.tsx')),
  },
  {
    path: '/params/:id',
    title: '参数详情',
    section: 'platform',
    needs: ['GET /api/params/{id}'],
    parent: '/params',
    component: lazy(() => import('./pages/platform/ParamDetailPage.tsx')),
  },
  {
    path: '/articles',
    title: '条款对照',
    section: 'platform',
    menu: true,
    needs: ['GET /api/articles'],
    component: lazy(() => import('./pages/platform/ArticlesPage.tsx')),
  },
  {
    path: '/documents',
    title: '政策文件',
    section: 'platform',
    menu: true,
    needs: ['GET /api/documents'],
    component: lazy(() => import('./pages/platform/DocumentsPage.tsx')),
  },
  {
    path: '/errors',
    title: '错误代码',
    section: 'platform',
    menu: true,
    needs: ['GET /api/errors'],
    component: lazy(() => import('./pages/platform/ErrorsPage.tsx')),
  },

  // A department whose API has landed before its pages: list what it offers.
  {
    path: '/catalog/:tag',
    title: '接口目录',
    needs: [],
    component: lazy(() => import('./pages/CatalogPage.tsx')),
  },
];

export function findRoute(pathname: string, match: (pattern: string, path: string) => Record<string, string> | null) {
  for (const route of ROUTES) {
    const params = match(route.path, pathname);
    if (params) return { route, params };
  }
  return undefined;
}
