export * from './types';
export * from './labels';
export * from './build-views';
export * from './value-label';
export * from './schemas';
export * from './units';
export * from './status-text';
