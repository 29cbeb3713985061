import { Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import {
  type AgencyView,
  LANGUAGES,
  type Language,
  type Role,
  type Side,
  UserCreate,
  UserUpdate,
  type UserView,
} from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { languageName, roleLabel, sideLabel } from '../../../app/i18n/labels';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../components/forms/useSchemaForm';
import { assignableRoles, rolesHeldOn, sidesForAgency } from '../userRoles';

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
  /** Saves; a refusal's field messages show at their inputs. */
  onSubmit: (body: UserCreate | UserUpdate) => Promise<unknown>;
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

function UserForm({ user, agencies, chooseAgency, defaultAgencyId, pending, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const firstAgency = user?.agencyId ?? defaultAgencyId ?? agencies[0]?.id ?? '';
  const form = useSchemaForm({
    schema: user ? UserUpdate : UserCreate,
    initialValues: {
      email: '',
      displayName: user?.displayName ?? '',
      agencyId: firstAgency,
      side: (user?.side ??
        sidesForAgency(agencies.find((a) => a.id === firstAgency))[0] ??
        'neutral') as Side,
      // The roles asked for: those in force and those waiting for approval, as the server takes them.
      roles: [...(user?.roles ?? []), ...(user?.pendingRoles ?? [])] as Role[],
      language: (user?.language ?? 'en') as Language,
    },
    // An account's e-mail and agency are set when it is created; only a system admin names the agency.
    toInput: ({ email, agencyId, ...values }) =>
      user ? values : blankToUndefined({ ...values, email, agencyId: chooseAgency ? agencyId : '' }),
    onSubmit: (body) => onSubmit(body),
  });
  const { side, roles } = form.values;
  const agency = agencies.find((a) => a.id === form.values.agencyId);
  const sides = sidesForAgency(agency);
  const roleOptions = assignableRoles(side);

  // Roles that cannot be held on the new side are dropped with it.
  const changeSide = (next: Side) => form.setValues({ side: next, roles: rolesHeldOn(roles, next) });
  const changeAgency = (next: string) => {
    form.setFieldValue('agencyId', next);
    const allowed = sidesForAgency(agencies.find((a) => a.id === next));
    if (!allowed.includes(side) && allowed[0]) changeSide(allowed[0]);
  };

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack>
        {!user && (
          <TextInput
            label={t('users.form.email')}
            type="email"
            autoComplete="off"
            required
            {...form.getInputProps('email')}
          />
        )}
        <TextInput
          label={t('users.form.displayName')}
          autoComplete="off"
          required
          {...form.getInputProps('displayName')}
        />
        {!user && chooseAgency && (
          <NativeSelect
            label={t('users.form.agency')}
            required
            {...form.getInputProps('agencyId')}
            onChange={(e) => changeAgency(e.currentTarget.value)}
            data={agencies.map((a) => ({ value: a.id, label: a.name }))}
          />
        )}
        <NativeSelect
          label={t('users.form.side')}
          description={t('users.form.sideHint')}
          required
          {...form.getInputProps('side')}
          onChange={(e) => changeSide(e.currentTarget.value as Side)}
          data={sides.map((s) => ({ value: s, label: sideLabel(t, s) }))}
        />
        <Checkbox.Group
          label={t('users.form.roles')}
          description={t('users.form.rolesHint')}
          required
          {...form.getInputProps('roles')}
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
          {...form.getInputProps('language')}
          data={LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
        />
        <SchemaFormAlert form={form} />
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
