/**
 * Time, injected: the `Clock` the runtime, rooms, seats and press wait on. It is declared in the
 * agents package (agents wait on it too) and re-exported here for the server.
 */
export { type Clock, clockTimeout, delay, systemClock, type TimerHandle } from '@parley/agents';
