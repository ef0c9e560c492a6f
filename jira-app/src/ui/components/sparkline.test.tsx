import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
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
