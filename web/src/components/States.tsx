/** Loading and empty states, the same on every page. */
import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';

export function Loading({ label = '正在加载…' }: { label?: string }) {
  return (
    <div className="state-loading" role="status" aria-live="polite">
      <Spin />
      <span className="state-loading-label">{label}</span>
    </div>
  );
}

export function Nothing({ text = '暂无数据', children }: { text?: string; children?: ReactNode }) {
  return (
    <Empty description={text} className="state-empty">
      {children}
    </Empty>
  );
}
