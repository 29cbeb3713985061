import { Anchor, Code, Table, Text } from '@mantine/core';
import type { PublicConfig } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { listFormat, roleLabel } from '../../../app/i18n/labels';

interface Props {
  accounts: PublicConfig['demoAccounts'];
  password: PublicConfig['demoPassword'];
  onUse: (email: string, password: string) => void;
}

/** The demo's accounts, each one click from the sign-in form (demo mode only). */
export function DemoAccountTable({ accounts, password, onUse }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {password && (
        <Text size="sm">
          {t('demo.password')} <Code>{password}</Code>
        </Text>
      )}
      <Table.ScrollContainer minWidth={360}>
        <Table striped withTableBorder fz="sm">
          <Table.Caption>{t('demo.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('demo.account')}</Table.Th>
              <Table.Th>{t('demo.roleAndAgency')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((account) => (
              <Table.Tr key={account.email}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => onUse(account.email, password ?? '')}
                    aria-label={t('demo.use', { email: account.email })}
                  >
                    {account.email}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {account.displayName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {listFormat(
                      i18n.language,
                      account.roles.map((role) => roleLabel(t, role)),
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {account.agencyName ?? t('layout.noAgency')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
