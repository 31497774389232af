/**
 * The merchant's settings for the block (shopify.extension.toml), read defensively: the editor
 * validates them, but a value is absent until the merchant saves one, and an older save may hold
 * something the validations no longer allow.
 */
import { DEFAULT_RECOMMENDATION_LIMIT } from '@encore/core/recommendations.ts';

/** The toml's number_integer validations: 1 to 8 recommendations. */
export const MIN_RECOMMENDATIONS = 1;
export const MAX_RECOMMENDATIONS = 8;

export interface BlockSettings {
  showBuyAgain: boolean;
  /** The merchant's heading, or null for the translated default. */
  buyAgainHeading: string | null;
  showRecommendations: boolean;
  recommendationsHeading: string | null;
  recommendationsCount: number;
}

type RawSettings = Record<string, string | number | boolean | undefined>;

/** Both lists show until the merchant turns one off. */
function flag(value: unknown): boolean {
  return value !== false && value !== 'false';
}

function heading(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function recommendationsCount(value: unknown): number {
  const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof count !== 'number' || !Number.isFinite(count)) return DEFAULT_RECOMMENDATION_LIMIT;
  return Math.min(MAX_RECOMMENDATIONS, Math.max(MIN_RECOMMENDATIONS, Math.round(count)));
}

export function readSettings(raw: RawSettings | undefined): BlockSettings {
  const settings = raw ?? {};
  return {
    showBuyAgain: flag(settings.show_buy_again),
    buyAgainHeading: heading(settings.buy_again_heading),
    showRecommendations: flag(settings.show_recommendations),
    recommendationsHeading: heading(settings.recommendations_heading),
    recommendationsCount: recommendationsCount(settings.recommendations_count),
  };
}
