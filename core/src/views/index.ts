export * from './types';
export * from './labels';
export * from './build-views';
export * from './value-label';
export * from './schemas';
