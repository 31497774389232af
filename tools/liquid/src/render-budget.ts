/**
 * The render budget's numbers and words (ruby/budget.ts enforces them), apart from the engine so that what
 * reports a theme error can name them without loading liquidjs (`npm start` prints its URL before it loads).
 */
export const RENDER_BUDGET = {
  /** Iterations of `for`, `tablerow` and `paginate` bodies, and partials rendered, all together. */
  loopIterations: 1_000_000,
  /** Characters of output, the page's or one capture's. */
  outputCharacters: 16 * 1024 * 1024,
  /** Wall time of one render, ms. */
  milliseconds: 5_000,
  /**
   * Elements and characters made by ranges and string filters (liquidjs's memory limit): `(1..N)` counts N before
   * any is made.
   */
  allocations: 50_000_000,
} as const;

/** liquidjs's own words when its allocation limit stops a render. */
export const LIQUIDJS_ALLOCATIONS = /^memory alloc limit exceeded/;
export const ALLOCATIONS = `more than ${RENDER_BUDGET.allocations.toLocaleString('en')} elements and characters made by ranges and string filters in one page`;
/** The allocation limit in the budget's words. */
export const ALLOCATIONS_MESSAGE = `Render budget exceeded: ${ALLOCATIONS}`;
