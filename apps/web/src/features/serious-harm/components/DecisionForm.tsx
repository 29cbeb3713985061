import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { SeriousHarmDecision, type SeriousHarmShareView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { useDecideShare } from '../api';

type Decision = 'authorise' | 'decline';

/**
 * The second case manager's decision (four eyes): authorising lets the recipient read the content
 * until its last day; declining needs a reason and shares nothing.
 */
export function DecisionForm({ share }: { share: SeriousHarmShareView }) {
  const { t } = useTranslation(CASEWORK_NS);
  const decide = useDecideShare(share.id);
  const [decision, setDecision] = useState<Decision | null>(null);
  const form = useSchemaForm({
    schema: SeriousHarmDecision,
    initialValues: { decision: 'authorise' as Decision, note: '' },
    onSubmit: async (body) => {
      await decide.mutateAsync(body);
      notifications.show({
        color: body.decision === 'authorise' ? 'red' : 'teal',
        message: t(`seriousHarm.decide.done.${body.decision}`),
      });
      setDecision(null);
    },
  });

  const open = (next: Decision) => {
    form.setValues({ decision: next });
    form.clearErrors();
    setDecision(next);
  };

  if (!decision)
    return (
      <Group gap="sm">
        <Button color="red" onClick={() => open('authorise')}>
          {t('seriousHarm.decide.authorise')}
        </Button>
        <Button variant="default" onClick={() => open('decline')}>
          {t('seriousHarm.decide.decline')}
        </Button>
      </Group>
    );

  return (
    <form onSubmit={form.submit} noValidate aria-label={t(`seriousHarm.decide.formLabel.${decision}`)}>
      <Stack gap="sm">
        <Textarea
          label={t(`seriousHarm.decide.note.${decision}`)}
          description={t(`seriousHarm.decide.noteHint.${decision}`)}
          required={decision === 'decline'}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        <SchemaFormAlert form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDecision(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color={decision === 'authorise' ? 'red' : undefined}
            loading={decide.isPending}
          >
            {t(`seriousHarm.decide.confirm.${decision}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
