import { DEFAULT_THEME, isLightColor, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { buildTheme, CONTRAST_CROSSOVER, contrastRatio, cssVariablesResolver } from './theme';

/**
 * Every colour the app can give a filled, outlined or coloured-text element keeps WCAG AA
 * (4.5:1) in the light scheme — whichever colour a status or a trigger picks. The axe spec sees
 * only the colours the demo shows at that moment (an extraordinary meeting the maintenance sweep
 * proposes turned its buttons and badges orange); this checks all of them.
 */
const theme = mergeMantineTheme(DEFAULT_THEME, buildTheme({ close: 'Close' }));
const light: Record<string, string> = cssVariablesResolver(theme).light;
const shade = typeof theme.primaryShade === 'number' ? theme.primaryShade : theme.primaryShade.light;
const coloured = Object.keys(theme.colors).filter((name) => name !== 'dark' && name !== 'gray');

describe('theme contrast', () => {
  it.each(coloured)('%s: filled background with the text autoContrast picks', (name) => {
    const background = theme.colors[name]![shade]!;
    const text = isLightColor(background, theme.luminanceThreshold) ? '#000' : '#fff';
    expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(coloured)('%s: outlined and coloured text on white', (name) => {
    for (const variable of [`--mantine-color-${name}-outline`, `--mantine-color-${name}-text`]) {
      const colour = light[variable];
      expect(colour, variable).toBeDefined();
      expect(contrastRatio(colour!, '#fff'), variable).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the threshold is where black and white text are equal', () => {
    const grey = '#767676'; // luminance ≈ 0.18
    expect(Math.abs(contrastRatio(grey, '#000') - contrastRatio(grey, '#fff'))).toBeLessThan(0.2);
    expect(theme.luminanceThreshold).toBe(CONTRAST_CROSSOVER);
  });
});
