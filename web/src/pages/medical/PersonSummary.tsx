/** One line about the person a form names: who, which scheme, which categories. */
import { Typography } from 'antd';

import { api, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { CATEGORIES, EMPLOYMENTS, label, SCHEMES } from './labels.ts';

export function PersonSummary({ personId }: { personId: string | undefined }) {
  const person = useApi(
    (signal) =>
      personId
        ? unwrap(api.GET('/api/medical/persons/{personId}', { params: { path: { personId } }, signal }))
        : Promise.resolve(undefined),
    [personId],
  );

  if (!personId) return null;
  if (person.loading) return <Typography.Paragraph className="person-summary">正在查找参保人…</Typography.Paragraph>;
  if (person.error) {
    return (
      <Typography.Paragraph className="person-summary" role="status">
        未找到该参保人：{person.error.message}
      </Typography.Paragraph>
    );
  }
  const p = person.data;
  if (!p) return null;
  const enrolment = p.enrolments?.[p.enrolments.length - 1];
  return (
    <Typography.Paragraph className="person-summary" role="status">
      参保人：{p.name ?? '（未登记姓名）'} · {label(SCHEMES, enrolment?.scheme)}
      {enrolment?.employment ? ` ${label(EMPLOYMENTS, enrolment.employment)}` : ''}
      {p.categories?.length ? ` · ${p.categories.map((c) => label(CATEGORIES, c.code)).join('、')}` : ''}
      {p.account_balance ? ` · 个人账户余额 ${p.account_balance} 元` : ''}
    </Typography.Paragraph>
  );
}
