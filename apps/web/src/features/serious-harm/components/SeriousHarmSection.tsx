import { Button, Group } from '@mantine/core';
import type { VictimFileView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { Empty, Loading, Section } from '../../../components/PageParts';
import { VictimSideOnly } from '../../../components/VictimSideOnly';
import { useSharesOfHer } from '../api';
import { ProposeShareForm } from './ProposeShareForm';
import { ShareItem } from './ShareItem';

const NOT_YOURS: readonly number[] = [403, 404];

/**
 * On her file: what was shared without her consent because someone was at risk of serious harm
 * (docs/domain.md, information-flow rule 4), and the exceptional form to record such a share.
 */
export function SeriousHarmSection({ file }: { file: VictimFileView }) {
  const { t } = useTranslation(CASEWORK_NS);
  const shares = useSharesOfHer(file.person.id);
  const [recording, setRecording] = useState(false);
  const list = [...(shares.data?.shares ?? [])].sort((a, b) => b.recordedOn.localeCompare(a.recordedOn));
  const canPropose = shares.data?.can.propose ?? false;
  // Her file is open to more of her service than her case managers: for the others, no section.
  if (isApiError(shares.error) && NOT_YOURS.includes(shares.error.status)) return null;

  return (
    <Section
      id="serious-harm"
      title={
        <Group gap="xs" component="span">
          {t('seriousHarm.section.title')} <VictimSideOnly />
        </Group>
      }
      description={t('seriousHarm.section.description')}
      actions={
        canPropose &&
        !recording && (
          <Button size="xs" color="red" onClick={() => setRecording(true)}>
            {t('seriousHarm.section.record')}
          </Button>
        )
      }
    >
      <Loading query={shares}>
        {recording && <ProposeShareForm file={file} onClose={() => setRecording(false)} />}
        {list.length === 0 ? (
          <Empty>{t('seriousHarm.section.none')}</Empty>
        ) : (
          list.map((share) => <ShareItem key={share.id} share={share} />)
        )}
      </Loading>
    </Section>
  );
}
