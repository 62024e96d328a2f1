import 'dayjs/locale/zh-cn';
import './styles.css';

import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { CapabilitiesProvider } from './api/capabilities.tsx';
import { SessionProvider } from './api/session.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { theme } from './theme.ts';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <CapabilitiesProvider>
          <SessionProvider>
            <AppLayout />
          </SessionProvider>
        </CapabilitiesProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
