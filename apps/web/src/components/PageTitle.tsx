import { Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

let firstPage = true;

/**
 * The page's h1. Sets the document title and, after in-app navigation, moves focus to the
 * heading so that screen-reader users hear where they arrived.
 */
export function PageTitle({ children, documentTitle }: { children: ReactNode; documentTitle: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle} · Tandem`;
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [documentTitle]);
  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1} style={{ outline: 'none' }} mb="md">
      {children}
    </Title>
  );
}
