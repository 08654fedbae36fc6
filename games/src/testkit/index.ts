export * from './conformance';
export * from './playthrough';
export * from './tree-count';
