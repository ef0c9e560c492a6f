export * from './types';
export * from './bearer';
export * from './entra-token';
export * from './dev-token';
