export * from './types';
export * from './build-agenda';
