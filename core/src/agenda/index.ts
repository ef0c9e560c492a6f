export * from './types';
export * from './build-agenda';
export * from './requests';
