import { liveApi, routeUrl } from '@tandem/shared';
import { useEffect, useRef } from 'react';
import { buildUrl } from './client';

/**
 * Listens to the server's live stream for these topics (`case:<id>`, `meeting:<id>`) and calls
 * `onChange` with the topic when something the reader may see there changed (README, "Live
 * updates"). The stream carries no content: the page asks the API again. The browser reopens the
 * stream each time the server ends it; an answer other than 200 (signed out) ends it for good.
 */
export function useLiveUpdates(topics: readonly string[], onChange: (topic: string) => void): void {
  const key = topics.join(',');
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!key || typeof EventSource === 'undefined') return;
    const source = new EventSource(buildUrl(routeUrl(liveApi.stream.path), { topics: key }));
    source.addEventListener('change', (event) => {
      const { topic } = JSON.parse((event as MessageEvent<string>).data) as { topic: string };
      latest.current(topic);
    });
    return () => source.close();
  }, [key]);
}
