import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { authApi, type Language } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorMessage } from '../../api/messages';
import { useSession, useSetSession } from '../../features/auth/session';
import { applyLanguage, currentLanguage } from '../i18n';
import { isUiLanguage, UI_LANGUAGES } from '../i18n/languages';

/** Switches the interface language; when signed in, the choice is saved as the user's preference. */
export function LanguageSelect({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const session = useSession().data;
  const setSession = useSetSession();
  const save = useMutation({
    mutationFn: (language: Language) => call(authApi.setPreferences, { body: { language } }),
    onSuccess: setSession,
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('layout.languageNotSaved'),
        message: errorMessage(error, t),
      }),
  });

  return (
    <NativeSelect
      label={t('layout.language')}
      value={currentLanguage()}
      size={compact ? 'xs' : 'sm'}
      w={compact ? 130 : undefined}
      data={Object.entries(UI_LANGUAGES).map(([value, { name }]) => ({ value, label: name }))}
      onChange={(event) => {
        const language = event.currentTarget.value;
        if (!isUiLanguage(language)) return;
        void applyLanguage(language);
        if (session?.stage === 'active') save.mutate(language);
      }}
    />
  );
}
