import { Text, UnstyledButton } from '@mantine/core';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import classes from './CaseTabs.module.css';

/**
 * The row of links between the pages of one joint case (risk, recidivism, IMPACT; meetings,
 * action plan, children): one look and one accessible pattern for every case frame. On a phone
 * the row scrolls sideways (CaseTabs.module.css), the current tab brought into view.
 */
export function CaseTabs({
  label,
  items,
  active,
}: {
  /** The navigation's accessible name. */
  label: string;
  items: ReadonlyArray<{ key: string; to: string; text: string }>;
  /** The page shown now, if it is one of the items. */
  active?: string;
}) {
  const scroller = useRef<HTMLElement>(null);
  const more = useOverflowEdges(scroller, active);
  return (
    <div
      className={classes.root}
      data-more-before={more.before || undefined}
      data-more-after={more.after || undefined}
      data-print="hide"
    >
      <nav ref={scroller} aria-label={label} className={classes.scroller}>
        {items.map((item) => {
          const current = item.key === active;
          return (
            <UnstyledButton
              key={item.key}
              component={Link}
              to={item.to}
              aria-current={current ? 'page' : undefined}
              data-tab={item.key}
              className={classes.tab}
              px="sm"
              py={6}
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                borderBottom: current ? '3px solid var(--mantine-color-indigo-8)' : '3px solid transparent',
                background: current ? 'var(--mantine-color-indigo-0)' : undefined,
              }}
            >
              <Text size="sm" fw={current ? 700 : 500} c={current ? 'indigo.9' : undefined}>
                {item.text}
              </Text>
            </UnstyledButton>
          );
        })}
      </nav>
    </div>
  );
}

/** Whether the bar hides tabs before or after what it shows; the current tab is scrolled into view. */
function useOverflowEdges(ref: RefObject<HTMLElement | null>, active: string | undefined) {
  const [more, setMore] = useState({ before: false, after: false });
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const update = () => {
      const hidden = bar.scrollWidth - bar.clientWidth;
      const next = { before: bar.scrollLeft > 1, after: bar.scrollLeft < hidden - 1 };
      setMore((old) => (old.before === next.before && old.after === next.after ? old : next));
    };
    // Scrolls the bar only, never the page (scrollIntoView would move the page too).
    const current = active ? bar.querySelector<HTMLElement>(`[data-tab="${CSS.escape(active)}"]`) : null;
    if (current) bar.scrollLeft = current.offsetLeft - (bar.clientWidth - current.offsetWidth) / 2;
    update();
    bar.addEventListener('scroll', update, { passive: true });
    // jsdom (the unit tests) has no ResizeObserver.
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(bar);
    return () => {
      bar.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, [ref, active]);
  return more;
}
