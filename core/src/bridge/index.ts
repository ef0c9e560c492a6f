export * from './signing';
export * from './contract';
