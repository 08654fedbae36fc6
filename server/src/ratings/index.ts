export * from './bootstrap';
export * from './bradley-terry';
export * from './elo';
export * from './format';
export * from './leaderboard';
export * from './openskill';
export * from './outcomes';
export * from './poker';
