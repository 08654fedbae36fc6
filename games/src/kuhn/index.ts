export * from './kuhn';
