import { notifications } from '@mantine/notifications';
import { JointCaseCreate, routes, type VictimFileView } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type BodyOf, call } from '../../../../api/client';
import { useStaff } from '../../../../api/directory';
import { CASEWORK_NS } from '../../../../app/i18n/namespaces';
import { addYearsIso, todayIso } from '../../../../components/format';
import { blankToUndefined, useSchemaForm } from '../../../../components/forms/useSchemaForm';
import { partnerKeys, useEpisodesNamingHer } from '../../../partners/api';
import { useRefreshCasework } from '../../api';
import type { newParty } from './OtherParties';

const ENDED = ['completed', 'dropped_out', 'excluded'];

/**
 * The form that opens her joint case: his episode, her support episode and her consent, the
 * people on the case, and the case-level agreement. What has only one candidate is chosen for
 * her case manager (the only running programme that named her, her only open support, her
 * latest consent, the only case manager or partner-contact worker), until she chooses.
 */
export function useOpenCaseForm(file: VictimFileView, myId: string, myAgencyId: string) {
  const { t } = useTranslation(CASEWORK_NS);
  const navigate = useNavigate();
  const refresh = useRefreshCasework();
  const naming = useEpisodesNamingHer(file.person.id);
  const episodes = naming.naming.filter((e) => !ENDED.includes(e.status));
  const supports = file.episodes.filter((e) => e.status === 'open');
  const consents = file.consents.filter((c) => c.scope === 'joint_case' && !c.revokedOn);
  const vssManagers = useStaff({ agencyId: myAgencyId, role: 'vss_case_manager' });
  const workers = useStaff({ agencyId: myAgencyId, role: 'partner_contact_worker' });

  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.cases.open>) => call(routes.cases.open, { body }),
    onSuccess: (created) => {
      refresh(partnerKeys.victim(file.person.id));
      notifications.show({ color: 'teal', message: t('jointCaseNew.saved', { number: created.caseNumber }) });
      navigate(`/cases/${created.id}`);
    },
  });
  const initialValues = {
    ppEpisodeId: '',
    vssEpisodeId: '',
    consentId: '',
    childIds: [] as string[],
    ppCaseManagerId: '',
    vssCaseManagerId: myId,
    // null: not chosen yet (the only worker, if there is one); '' chosen: nobody.
    partnerContactWorkerId: null as string | null,
    agreement: {
      title: t('jointCaseNew.defaultTitle'),
      validFrom: todayIso(),
      validTo: addYearsIso(todayIso(), 1),
      otherParties: [] as ReturnType<typeof newParty>[],
    },
  };
  type Values = typeof initialValues;
  const form = useSchemaForm({
    schema: JointCaseCreate,
    initialValues,
    toInput: (values: Values): unknown => blankToUndefined(effective(values)),
    onSubmit: (body) => save.mutateAsync(body),
  });

  const only = <T extends { id: string }>(list: readonly T[] | undefined) =>
    list?.length === 1 ? (list[0]?.id ?? '') : '';
  const ppEpisodeId = form.values.ppEpisodeId || only(episodes);
  const chosenEpisode = episodes.find((e) => e.id === ppEpisodeId);
  const ppManagers = useStaff(
    { agencyId: chosenEpisode?.agencyId, role: 'pp_case_manager' },
    Boolean(chosenEpisode),
  );
  const hisManager =
    chosenEpisode?.caseManagerId && ppManagers.data?.some((s) => s.id === chosenEpisode.caseManagerId)
      ? chosenEpisode.caseManagerId
      : only(ppManagers.data);

  function effective(values: Values) {
    return {
      ...values,
      ppEpisodeId,
      vssEpisodeId: values.vssEpisodeId || only(supports),
      consentId: values.consentId || (consents.at(-1)?.id ?? ''),
      ppCaseManagerId: values.ppCaseManagerId || hisManager,
      partnerContactWorkerId: values.partnerContactWorkerId ?? only(workers.data),
    };
  }

  return {
    form,
    save,
    chosen: effective(form.values),
    chosenEpisode,
    naming,
    episodes,
    supports,
    consents,
    staff: {
      ppManagers: ppManagers.data ?? [],
      vssManagers: vssManagers.data ?? [],
      workers: workers.data ?? [],
    },
  };
}

export type OpenCaseForm = ReturnType<typeof useOpenCaseForm>['form'];
