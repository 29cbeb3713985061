import { Checkbox } from '@mantine/core';
import type { AgendaItemName, MeetingView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';

/** Whether this agenda item is still open in the meeting. */
export const itemOpen = (meeting: MeetingView, item: AgendaItemName) =>
  meeting.agenda.find((entry) => entry.item === item)?.status === 'open';

/** Whether every other agenda item is already addressed or deferred: this one is what is left. */
export const lastOpenItem = (meeting: MeetingView, item: AgendaItemName) =>
  itemOpen(meeting, item) && meeting.agenda.every((entry) => entry.item === item || entry.status !== 'open');

/**
 * "Also mark the item addressed", ticked or not by what the meeting shows (e.g. both sides have
 * spoken), so that one submit records the contribution and closes the item — the default follows
 * the meeting until the worker ticks or unticks it.
 */
export function useAddressToo(defaultOn: boolean) {
  const [choice, setChoice] = useState<boolean | null>(null);
  return { checked: choice ?? defaultOn, set: setChoice, reset: () => setChoice(null) };
}

export function AddressTooCheckbox({
  item,
  state,
}: {
  item: AgendaItemName;
  state: ReturnType<typeof useAddressToo>;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  return (
    <Checkbox
      size="sm"
      label={t('decision.addressToo', { item: t(`agenda.${item}.title`) })}
      checked={state.checked}
      onChange={(event) => state.set(event.currentTarget.checked)}
    />
  );
}
