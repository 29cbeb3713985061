import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';

/**
 * "Find a service in the directory", where a referral is made: opens the directory in a new tab,
 * so the form being filled in keeps what was typed.
 */
export function DirectoryLink({ partnerContact = false }: { partnerContact?: boolean }) {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Text size="sm" mt="xs">
      <Anchor
        component={Link}
        to={partnerContact ? '/directory?partnerContact=true' : '/directory'}
        target="_blank"
        rel="noopener"
      >
        {t('directory.findService')}
        <span className="sr-only"> {t('directory.opensInNewTab')}</span>
      </Anchor>
    </Text>
  );
}
