/** The in-memory store against the shared `MatchStore` contract. */
import { storeContract } from './store-contract';
import { openMemoryStore } from './test-support';

storeContract('memory', openMemoryStore);
