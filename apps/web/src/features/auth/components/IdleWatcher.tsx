import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getLastServerActivity, subscribeServerActivity } from '../../../api/activity';
import { idlePlan, secondsLeft } from '../idle';
import { SESSION_KEY } from '../session';
import { useSignOut } from '../signOut';

/**
 * Warns before an idle session ends. "Stay signed in" makes a request, which resets the server's
 * clock; at zero the client signs out (so a forgotten screen does not stay open) and the sign-in
 * page says why. The client never keeps a session alive by itself: no polling, no refetch on focus.
 */
export function IdleWatcher({ idleTimeoutSeconds }: { idleTimeoutSeconds: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { signOut } = useSignOut();
  const [lastActivity, setLastActivity] = useState(getLastServerActivity);
  const [now, setNow] = useState(Date.now);
  const { signOutAfter, warnFor } = idlePlan(idleTimeoutSeconds);

  useEffect(() => subscribeServerActivity(setLastActivity), []);

  const left = secondsLeft(lastActivity, signOutAfter, now);
  const warning = left <= warnFor;

  useEffect(() => {
    // Tick every second while warning; otherwise sleep until the warning is due. Timers are
    // late after the computer sleeps: the next tick then finds the time already up.
    const delay = warning ? 1000 : Math.max(1000, (left - warnFor) * 1000);
    const timer = window.setTimeout(() => setNow(Date.now()), delay);
    return () => window.clearTimeout(timer);
  }, [left, warning, warnFor]);

  useEffect(() => {
    if (left === 0) void signOut(false, 'idle');
  }, [left, signOut]);

  const stay = () => void queryClient.refetchQueries({ queryKey: SESSION_KEY });

  return (
    <Modal
      opened={warning && left > 0}
      onClose={stay}
      title={t('idle.title')}
      centered
      closeOnClickOutside={false}
    >
      <Stack>
        <Text>{t('idle.body', { count: left })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => signOut()}>
            {t('layout.signOut')}
          </Button>
          <Button onClick={stay} data-autofocus>
            {t('idle.stay')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
