/** The fake clock for tests lives beside the `Clock` it fakes, in the agents package. */
export { FakeClock, tickingClock } from '@parley/agents/testing/fake-clock';
