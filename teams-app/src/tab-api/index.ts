export * from './contract';
export * from './paths';
export * from './deps';
export * from './routes';
