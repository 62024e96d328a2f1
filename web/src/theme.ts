/**
 * Colours chosen for contrast (WCAG AA, 4.5:1 for text) as 鸡政规〔2022〕8号
 * 三(五)2 asks of public services: antd's default blue, red and grey text
 * fall short of it on white.
 */
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // antd lightens a hovered primary button to #2e7ae6 (4.2:1 under white
    // text); darken it instead.
    colorPrimaryHover: '#0646ae',
    colorPrimaryActive: '#003a8c',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorInfo: '#0958d9',
    // The darker text colours above would otherwise darken the tinted
    // backgrounds antd derives from them.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#0b3a75', siderBg: '#ffffff', bodyBg: '#f5f6f8' },
    Menu: { itemSelectedColor: '#0646ae' },
    Table: { headerColor: 'rgba(0, 0, 0, 0.88)' },
  },
};
