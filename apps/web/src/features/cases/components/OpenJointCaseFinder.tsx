import { Anchor, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import { formatDate } from '../../../components/format';
import { useSearch } from '../../search/api';

/**
 * "Open a joint case" from the list of joint cases: find her file by name, then open the case
 * from it (the page that opens it asks her file whether this user may). Only partners' files are
 * offered: a joint case is opened by her case manager, from hers.
 */
export function OpenJointCaseFinder() {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const results = useSearch(asked ? { q: asked } : null, opened);
  const hers = (results.data ?? []).filter((result) => result.kind === 'partner');
  const close = () => {
    setOpened(false);
    setAsked(null);
    setName('');
  };
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t('cases.open.button')}</Button>
      <Modal opened={opened} onClose={close} title={t('cases.open.title')} size="lg">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('cases.open.intro')}
          </Text>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim()) setAsked(name.trim());
            }}
          >
            <Group align="flex-end">
              <TextInput
                label={t('cases.open.name')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                autoComplete="off"
                data-autofocus
                w={320}
              />
              <Button type="submit" variant="default" loading={results.isFetching}>
                {t('cases.open.find')}
              </Button>
            </Group>
          </form>
          <FormAlert error={results.error} />
          {results.isSuccess && hers.length === 0 && <Text>{t('cases.open.none')}</Text>}
          {hers.length > 0 && (
            <Table>
              <Table.Caption>{t('cases.open.caption')}</Table.Caption>
              <Table.Tbody>
                {hers.map((result) => (
                  <Table.Tr key={result.personId}>
                    <Table.Td>{result.name}</Table.Td>
                    <Table.Td>{formatDate(i18n.language, result.dateOfBirth)}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/victims/${result.personId}/joint-case/new`}
                        aria-label={t('cases.open.withHer', { name: result.name })}
                      >
                        {t('cases.open.action')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Modal>
    </>
  );
}
