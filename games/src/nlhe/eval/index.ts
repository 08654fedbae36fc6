/** The seven-card evaluator's public surface: strengths, categories and descriptions. */
export { bestFive, CATEGORY_NAMES, type CategoryName, categoryName, describeStrength, handCategory } from './describe';
export { evaluate, evaluate7, FLUSH_TABLE, flushSuit, nonFlush7, RANK_BIT, RANK_KEY, SUIT_KEY } from './evaluate';
export { STRAIGHT_FLUSH } from './ranking';
