/**
 * Answers of routes that declare no response schema yet, so the generated
 * types say nothing about them. Each type here is a stopgap, checked by the
 * browser tests against the running API; delete it as soon as the route
 * gets its schema and `npm run gen:api` types the call.
 *
 * - GET /api/medical/fund/{year}: src/medical/routes/index.ts builds the
 *   view from FundLedger (src/medical/services/fund.ts), amounts in yuan.
 */
export interface FundView {
  year: number;
  accumulated_surplus: string;
  budgets: { county: string; name: string; budget: string }[];
  spending: { county: string; name: string; spending: string; recipients: number }[];
  shortfall: {
    gap: string;
    from_surplus: string;
    remaining: string;
    by_certifier: { county: string; amount: string }[];
    articles: string[];
  };
}
