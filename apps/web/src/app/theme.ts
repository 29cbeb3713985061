import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  luminance,
  type MantineColorsTuple,
} from '@mantine/core';

/**
 * Contrast first (WCAG AA): shade 8 of indigo gives 5.7:1 with white text on filled buttons,
 * "dimmed" text uses gray 7 (8:1) instead of Mantine's default gray 6 (3.3:1), and the text of
 * light badges, alerts and active links is darkened so that it stays above 4.5:1 on their
 * background, hover included.
 */
export function buildTheme(labels: { close: string }) {
  return createTheme({
    primaryColor: 'indigo',
    primaryShade: { light: 8, dark: 4 },
    defaultRadius: 'sm',
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    focusRing: 'auto',
    // Black or white text on every filled colour, whichever keeps 4.5:1 (orange, teal, yellow…).
    autoContrast: true,
    // Where black and white text have the same contrast (WCAG luminance 0.179): either side of
    // it, the text Mantine picks keeps 4.58:1 at least. Mantine's 0.3 put white on orange 8 (3.6:1).
    luminanceThreshold: CONTRAST_CROSSOVER,
    components: {
      // Mantine's close button has no text: name it, in the user's language. (A plain object, not
      // Modal.extend: that would bring the modal's code into the sign-in page's download.)
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
    },
  });
}

const COLOURS_WITHOUT_DARKENING = new Set(['dark', 'gray']);

/** The luminance at which black and white text have the same contrast ratio. */
export const CONTRAST_CROSSOVER = 0.179;

/** WCAG 2 contrast ratio of two colours. */
export function contrastRatio(one: string, other: string): number {
  const [lighter, darker] = [luminance(one), luminance(other)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * The colour as text on white (outlined badges and buttons, coloured text): shade 8 where it
 * keeps 4.5:1, else the darkest shade darkened step by step until it does (orange and yellow:
 * their shade 8 is 3.6:1 and 2.2:1).
 */
export function readableOnWhite(shades: MantineColorsTuple): string {
  if (contrastRatio(shades[8], '#fff') >= 4.5) return shades[8];
  let colour = shades[9];
  for (let step = 1; contrastRatio(colour, '#fff') < 4.5; step++) colour = darken(shades[9], step * 0.05);
  return colour;
}

export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.entries(theme.colors)
        .filter(([name]) => !COLOURS_WITHOUT_DARKENING.has(name))
        .flatMap(([name, shades]) => [
          [`--mantine-color-${name}-light-color`, darken(shades[9], 0.35)],
          // Text in the colour (subtle buttons, red menu items), not the paler default shade 6.
          [`--mantine-color-${name}-text`, readableOnWhite(shades)],
          // Outlined badges and buttons: text and border (shade 6 is under 3:1 for orange).
          [`--mantine-color-${name}-outline`, readableOnWhite(shades)],
        ]),
    ),
  },
  dark: {},
});
