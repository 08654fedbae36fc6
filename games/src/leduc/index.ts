export * from './leduc';
