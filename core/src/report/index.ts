export * from './evaluate';
export * from './report-json';
export * from './rewind';
export * from './check-jql';
