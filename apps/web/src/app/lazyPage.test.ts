// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyPage } from './lazyPage';

const Page = () => null;
afterEach(() => {
  sessionStorage.clear();
  vi.restoreAllMocks();
});

describe('a page loaded when its route is first visited', () => {
  it('is the module’s named export', async () => {
    const route = lazyPage(async () => ({ SomePage: Page }), 'SomePage');
    expect(await route()).toEqual({ Component: Page });
  });

  it('whose file a release replaced reloads the page once, then shows the error', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, pathname: '/cases', reload });
    const gone = lazyPage(async (): Promise<{ SomePage: typeof Page }> => {
      throw new TypeError('Failed to fetch dynamically imported module');
    }, 'SomePage');
    void gone();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    await expect(gone()).rejects.toThrow('Failed to fetch dynamically imported module');
    expect(reload).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });
});
