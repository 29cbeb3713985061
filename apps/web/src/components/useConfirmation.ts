import { useCallback, useRef, useState } from 'react';

/**
 * Asks before an irreversible step: `if (!(await confirmation.ask())) return;` inside a submit,
 * with a <ConfirmModal opened={confirmation.opened} onConfirm={confirmation.confirm}
 * onClose={confirmation.cancel}> on the page.
 */
export function useConfirmation() {
  const [opened, setOpened] = useState(false);
  const answer = useRef<((confirmed: boolean) => void) | null>(null);

  const settle = useCallback((confirmed: boolean) => {
    answer.current?.(confirmed);
    answer.current = null;
    setOpened(false);
  }, []);

  const ask = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        answer.current?.(false);
        answer.current = resolve;
        setOpened(true);
      }),
    [],
  );

  return { ask, opened, confirm: () => settle(true), cancel: () => settle(false) };
}
