/** The scripted provider and its helpers, for other workspaces' tests (`@parley/agents/testing`). */
export * from './fake-provider';
export * from './scripts';
