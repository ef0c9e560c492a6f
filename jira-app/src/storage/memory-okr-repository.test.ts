import { createMemoryOkrRepository, createMemoryOkrStore } from './memory-okr-repository';
import { describeOkrRepositoryContract } from './okr-repository.contract';

describeOkrRepositoryContract('in-memory repository', () => {
  const store = createMemoryOkrStore();
  return () => createMemoryOkrRepository(store);
});
