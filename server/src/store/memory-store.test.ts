/** The in-memory store against the shared `MatchStore` contract. */
import { storeContract } from './testing/contract';
import { openMemoryStore } from './testing/support';

storeContract('memory', openMemoryStore);
