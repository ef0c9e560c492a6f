export * from './signing';
export * from './contract';
export * from './event-time';
export * from './people';
