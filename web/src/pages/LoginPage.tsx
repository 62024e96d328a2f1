/** 登录: username and password, and the authenticator code when the account has one. */
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap } from '../api/client.ts';
import { toApiError, type ApiError } from '../api/errors.ts';
import { useSession } from '../api/session.tsx';
import { applyProblemsToForm, ErrorNotice } from '../components/ErrorNotice.tsx';
import { navigate, useQuery } from '../router.tsx';

interface Values {
  username: string;
  password: string;
  totp?: string;
}

export default function LoginPage() {
  const [form] = Form.useForm<Values>();
  const [query] = useQuery();
  const session = useSession();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [needTotp, setNeedTotp] = useState(false);
  const next = query.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/auth/login', {
          body: { username: values.username.trim(), password: values.password, ...(values.totp ? { totp: values.totp.trim() } : {}) },
        }),
      );
      session.reload();
      navigate(target);
    } catch (cause) {
      const failure = toApiError(cause);
      if (failure.code === 'ERR_AUTH_TOTP_REQUIRED') setNeedTotp(true);
      applyProblemsToForm(form, failure, ['username', 'password', 'totp']);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel login-panel">
      {session.user ? (
        <Typography.Paragraph>
          已登录：{session.user.displayName ?? session.user.username}（{session.user.roleTitle ?? session.user.role}）。
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" name="login" onFinish={submit} requiredMark>
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {needTotp ? (
          <Form.Item name="totp" label="动态口令" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入身份验证器上的6位数字' }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          登录
        </Button>
      </Form>
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
    </div>
  );
}
