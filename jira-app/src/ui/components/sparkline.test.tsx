import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { computeSparkline } from '@okr-bridge/core/present';
import { Sparkline } from './sparkline';

// Jest compiles JSX with the classic runtime (React.createElement); the panels' build uses the automatic one.
(globalThis as { React?: typeof React }).React = React;

const base = { start: '2026-10-01', end: '2026-12-31', at: '2026-11-15', expected: 0.49, name: 'Close 12 deals' };
const dotFill = (html: string) => /<circle[^>]*fill="([^"]+)"/.exec(html)?.[1];

describe('the sparkline dot', () => {
  it("takes the status's tone: a key result at risk ahead of pace (a blocked dependency) is never green", () => {
    const atRisk = dotFill(renderToStaticMarkup(<Sparkline {...base} progress={0.52} tone="attention" />));
    expect(atRisk).toContain('--ds-chart-danger');
    expect(atRisk).not.toContain('success');
    expect(dotFill(renderToStaticMarkup(<Sparkline {...base} progress={0.3} tone="warning" />))).toContain('--ds-chart-warning-bold');
    expect(dotFill(renderToStaticMarkup(<Sparkline {...base} progress={0.6} tone="good" />))).toContain('--ds-chart-success-bold');
  });
});

describe('the sparkline geometry', () => {
  it("is core's, the one the Teams tab draws: the expected line, then progress from 0 at the cycle start through the history to today", () => {
    const trend = [
      { at: '2026-10-15', progress: 0.1 },
      { at: '2026-11-01', progress: 0.3 },
    ];
    const html = renderToStaticMarkup(<Sparkline {...base} progress={0.45} tone="good" trend={trend} />);
    const paths = [...html.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
    const g = computeSparkline({ start: base.start, end: base.end, points: [...trend.map((p) => ({ day: p.at, progress: p.progress })), { day: base.at, progress: 0.45 }], width: 120, height: 32 });
    expect(paths).toEqual([g.expected, g.actual]);
    expect(g.actual.startsWith('M2,30')).toBe(true);
    expect(html).toContain(`cx="${g.last!.x}" cy="${g.last!.y}"`);
    expect(html).toContain('aria-label="Trend of Close 12 deals: 45% done, 49% expected by today"');
  });
});
