export * from './liars-dice';
