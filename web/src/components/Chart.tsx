/**
 * An ECharts chart, loaded on demand with only the parts the platform uses
 * (bars, lines, marked areas and lines; SVG). The options come from a pure function of the
 * page's data; the picture is labelled for screen readers and every chart
 * has its data in a table beside it.
 */
import { useEffect, useRef } from 'react';

import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export function Chart({ options, label, height = 320 }: { options: echarts.EChartsCoreOption; label: string; height?: number }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!host.current) return;
    const chart = echarts.init(host.current, undefined, { renderer: 'svg' });
    chart.setOption(options);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [options]);

  return <div ref={host} role="img" aria-label={label} style={{ width: '100%', height }} className="chart" />;
}
