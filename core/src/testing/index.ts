export * from './builders';
export * from './seeded-random';
