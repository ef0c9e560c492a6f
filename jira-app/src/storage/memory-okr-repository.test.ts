import { createMemoryOkrRepository } from './memory-okr-repository';
import { describeOkrRepositoryContract } from './okr-repository.contract';

describeOkrRepositoryContract('in-memory repository', () => createMemoryOkrRepository());
