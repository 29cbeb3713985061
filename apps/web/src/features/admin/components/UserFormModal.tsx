import { Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import {
  type AgencyView,
  LANGUAGES,
  type Language,
  ROLE_SIDES,
  type Role,
  type Side,
  UserCreate,
  UserUpdate,
  type UserView,
} from '@tandem/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors';
import { languageName, roleLabel, sideLabel } from '../../../app/i18n/labels';
import { FormAlert } from '../../../components/FormAlert';
import { type FieldErrors, serverFieldErrors, validate } from '../../../components/forms/validation';
import { assignableRoles, sidesForAgency } from '../userRoles';

interface Props {
  /** The user to edit, or null to create one. */
  user: UserView | null;
  opened: boolean;
  /** Agencies the actor may create users in: one for an agency admin, all for a system admin. */
  agencies: AgencyView[];
  /** Whether the actor chooses the agency (system admin). */
  chooseAgency: boolean;
  defaultAgencyId: string | null;
  pending: boolean;
  error: unknown;
  onSubmit: (body: UserCreate | UserUpdate) => void;
  onClose: () => void;
}

export function UserFormModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={
        props.user ? t('users.form.editTitle', { name: props.user.displayName }) : t('users.form.createTitle')
      }
      size="lg"
      centered
    >
      {/* Remounted on each opening, so the fields start from the user (or empty). */}
      {props.opened && <UserForm {...props} />}
    </Modal>
  );
}

function UserForm({
  user,
  agencies,
  chooseAgency,
  defaultAgencyId,
  pending,
  error,
  onSubmit,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [agencyId, setAgencyId] = useState(user?.agencyId ?? defaultAgencyId ?? agencies[0]?.id ?? '');
  const agency = agencies.find((a) => a.id === agencyId);
  const sides = sidesForAgency(agency);
  const [side, setSide] = useState<Side>(user?.side ?? sides[0] ?? 'neutral');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [language, setLanguage] = useState<Language>(user?.language ?? 'en');
  const [errors, setErrors] = useState<FieldErrors>({});
  const roleOptions = assignableRoles(side);
  const serverErrors = isApiError(error) ? serverFieldErrors(error.fields) : {};
  const shown = { ...serverErrors, ...errors };

  const changeSide = (next: Side) => {
    setSide(next);
    setRoles((current) => current.filter((role) => ROLE_SIDES[role].includes(next)));
  };

  const changeAgency = (next: string) => {
    setAgencyId(next);
    const allowed = sidesForAgency(agencies.find((a) => a.id === next));
    if (!allowed.includes(side) && allowed[0]) changeSide(allowed[0]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = user
      ? validate(UserUpdate, { displayName, roles, side, language }, t)
      : validate(
          UserCreate,
          {
            email,
            displayName,
            roles,
            side,
            language,
            agencyId: chooseAgency ? agencyId || undefined : undefined,
          },
          t,
        );
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.data);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!user && (
          <TextInput
            label={t('users.form.email')}
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={shown.email}
          />
        )}
        <TextInput
          label={t('users.form.displayName')}
          autoComplete="off"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={shown.displayName}
        />
        {!user && chooseAgency && (
          <NativeSelect
            label={t('users.form.agency')}
            required
            value={agencyId}
            onChange={(e) => changeAgency(e.currentTarget.value)}
            data={agencies.map((a) => ({ value: a.id, label: a.name }))}
            error={shown.agencyId}
          />
        )}
        <NativeSelect
          label={t('users.form.side')}
          description={t('users.form.sideHint')}
          required
          value={side}
          onChange={(e) => changeSide(e.currentTarget.value as Side)}
          data={sides.map((s) => ({ value: s, label: sideLabel(t, s) }))}
          error={shown.side}
        />
        <Checkbox.Group
          label={t('users.form.roles')}
          description={t('users.form.rolesHint')}
          required
          value={roles}
          onChange={(value) => setRoles(value as Role[])}
          error={shown.roles}
        >
          <Stack gap="xs" mt="xs">
            {roleOptions.map((role) => (
              <Checkbox
                key={role}
                value={role}
                label={roleLabel(t, role)}
                description={t(`roleHints.${role}`)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <NativeSelect
          label={t('users.form.language')}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as Language)}
          data={LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
          error={shown.language}
        />
        <FormAlert
          error={error}
          shownFields={['email', 'displayName', 'agencyId', 'side', 'roles', 'language']}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {user ? t('common.save') : t('users.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
