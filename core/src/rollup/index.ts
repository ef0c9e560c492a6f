export * from './compute-progress';
export * from './rollup-kr';
export * from './weighted-mean';
