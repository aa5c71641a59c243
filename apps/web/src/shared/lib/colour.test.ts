import { HABIT_COLORS } from '@habit-tracker/vocabulary';
import { describe, expect, it } from 'vitest';
import { contrast, DARK_PAGES, LIGHT_PAGES, withContrast } from './colour';

describe('habit colours against the page', () => {
  it('every palette colour reaches 3:1 on light and dark pages once adjusted', () => {
    for (const { value } of HABIT_COLORS) {
      for (const pages of [LIGHT_PAGES, DARK_PAGES]) {
        const fill = withContrast(value, pages);
        for (const page of pages) expect(contrast(fill, page)).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('leaves a colour that already stands out as it is', () => {
    expect(withContrast('#1d4ed8', LIGHT_PAGES)).toBe('#1d4ed8');
    expect(contrast('#eab308', '#ffffff')).toBeLessThan(3);
  });
});
