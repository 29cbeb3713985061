import { type CSSVariablesResolver, createTheme, darken, Modal } from '@mantine/core';

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
    components: {
      // Mantine's close button has no text: name it, in the user's language.
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
    },
  });
}

const COLOURS_WITHOUT_DARKENING = new Set(['dark', 'gray']);

export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.entries(theme.colors)
        .filter(([name]) => !COLOURS_WITHOUT_DARKENING.has(name))
        .flatMap(([name, shades]) => [
          [`--mantine-color-${name}-light-color`, darken(shades[9], 0.35)],
          // Text in the colour (subtle buttons, red menu items) at shade 8, not the paler default.
          [`--mantine-color-${name}-text`, shades[8]],
          // Outlined badges and buttons: text and border at shade 8 (shade 6 is under 3:1 for orange).
          [`--mantine-color-${name}-outline`, shades[8]],
        ]),
    ),
  },
  dark: {},
});
