import type { ComponentType } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';
import { pageWordsReady } from './i18n';

/**
 * A page whose code is loaded when its route is first visited: each page is its own chunk, so the
 * sign-in page downloads none of the casework (README, "How the web app is delivered"). The router
 * keeps the current page on screen while the next one loads.
 *
 *   { path: 'cases', lazy: lazyPage(() => import('./pages/JointCasesPage'), 'JointCasesPage') }
 */
export function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(
  load: () => Promise<Module>,
  name: Name,
): LazyRouteFunction<RouteObject> {
  return async () => {
    try {
      // The page's words come with its code: the sign-in page carries neither.
      const [module] = await Promise.all([load(), pageWordsReady()]);
      return { Component: module[name] };
    } catch (error) {
      // A release replaced the files while this tab was open: the page is fetched again once,
      // with the new file names (a second failure is shown as the error it is).
      if (sessionStorage.getItem(RELOADED_FOR) !== location.pathname) {
        sessionStorage.setItem(RELOADED_FOR, location.pathname);
        location.reload();
        return new Promise<never>(() => {});
      }
      throw error;
    }
  };
}

const RELOADED_FOR = 'tandem.reloadedFor';
