import { createMemoryState } from '../../src/state/memory.js';
import { sharedStateContract } from './state.contract.js';

sharedStateContract('memory', async () => {
  const state = createMemoryState();
  return { first: state, second: state, close: () => state.close() };
});
