/**
 * The store fixture's types are the domain core's model: a fixture is a store
 * written down in the core's own words, so the core reads it without a mapping.
 */
export type * from '../../extensions/core/src/model.ts';
