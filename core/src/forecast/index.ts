export * from './forecast';
export * from './department-trend';
