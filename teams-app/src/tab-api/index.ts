export * from './contract';
export * from './paths';
export * from './deps';
export * from './routes';
export * from './review-store';
export * from './sql-review-store';
