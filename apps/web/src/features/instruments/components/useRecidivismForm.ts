import {
  type RecidivismComparison,
  RecidivismCreate,
  type SessionView,
  type VIOLENCE_FORMS,
} from '@tandem/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { useRecordRecidivism } from '../api';
import { todayIso } from '../logic';

type Form = (typeof VIOLENCE_FORMS)[number];

/**
 * A recidivism episode's form, for the recidivism page and the meeting: the sources the actor may
 * record (`can.sources`: the programme never records what she reported), an agency of neither
 * side reporting as itself (`can.reportsAsAgency`), no date in the future, the agency only with
 * source "agency". Her service mostly records what she told it: "her" is where its source starts.
 */
export function useRecidivismForm(
  jointCaseId: string,
  session: SessionView,
  can: RecidivismComparison['can'],
  onSaved: () => void | Promise<void>,
) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  const record = useRecordRecidivism(jointCaseId);
  const today = todayIso();
  const sources = can.sources;
  const asAgency = can.reportsAsAgency;
  const schema = useMemo(
    () =>
      RecidivismCreate.refine((value) => value.occurredOn <= today, {
        path: ['occurredOn'],
        message: t('form.errors.future'),
      }).refine((value) => value.source !== 'agency' || Boolean(value.sourceAgencyId), {
        path: ['sourceAgencyId'],
        message: t('recidivism.errors.agency'),
      }),
    [today, t],
  );
  const initialValues = {
    occurredOn: today,
    forms: [] as Form[],
    severity: '',
    source: asAgency ? 'agency' : sources.includes('her') ? 'her' : '',
    sourceAgencyId: asAgency ? (session.user.agencyId ?? '') : '',
    policeInvolved: false,
    description: '',
  };
  const form = useSchemaForm({
    schema,
    initialValues,
    toInput: ({ sourceAgencyId, source, description, severity, ...rest }) => ({
      ...rest,
      ...(severity && { severity }),
      ...(source && { source }),
      ...(source === 'agency' && sourceAgencyId && { sourceAgencyId }),
      ...(description.trim() && { description }),
    }),
    onSubmit: async (body) => {
      await record.mutateAsync(body);
      form.setValues(initialValues);
      await onSaved();
    },
  });
  return { form, record, sources, today };
}
