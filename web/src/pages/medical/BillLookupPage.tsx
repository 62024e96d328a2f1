/** 一单制结算单: open a bill by its claim number to view, print or reverse it. */
import { Button, Form, Input, Typography } from 'antd';

import { navigate } from '../../router.tsx';

export default function BillLookupPage() {
  return (
    <>
      <Typography.Paragraph>输入单据号，查看、打印或冲销该单据的一单制结算单。</Typography.Paragraph>
      <Form
        layout="inline"
        name="bill-lookup"
        className="page-toolbar"
        onFinish={({ claimId }: { claimId: string }) => navigate(`/medical/bills/${encodeURIComponent(claimId.trim())}`)}
      >
        <Form.Item name="claimId" label="单据号" rules={[{ required: true, whitespace: true, message: '请输入单据号' }]}>
          <Input style={{ width: 280 }} autoComplete="off" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查看结算单
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
