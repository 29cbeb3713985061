import { Alert, Badge, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { InstrumentDefinition, JointRiskView } from '@tandem/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllAgencies } from '../../../api/directory';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { localized } from '../logic';
import { AnswerCell } from './AnswerCell';
import { Block, Empty } from './parts';

/** Both sides item by item, section by section; items that differ are marked (not by colour alone). */
export function ItemComparison({
  view,
  definition,
}: {
  view: JointRiskView;
  definition: InstrumentDefinition;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const [onlyDiverging, setOnlyDiverging] = useState(false);
  const [onlyAnswered, setOnlyAnswered] = useState(true);
  const agencies = useAllAgencies();
  // On a phone the two sides' answers stack under each item instead of a table to scroll sideways.
  const narrow = useMediaQuery('(max-width: 36em)');
  const agencyName = (agencyId: string | undefined) =>
    agencyId ? (agencies.data?.find((agency) => agency.id === agencyId)?.name ?? null) : null;
  const byItem = useMemo(() => new Map(view.items.map((item) => [item.itemId, item])), [view.items]);
  const diverging = view.items.filter((item) => item.diverges).length;
  // Without her consent every answer of her service's checklist reaches this reader withheld alike.
  const withheld = view.items.some((item) => item.victimSide?.withheld);
  if (!view.perpetratorSide && !view.victimSide) {
    return (
      <Block id="items" title={t('joint.itemsTitle')}>
        <Empty>{t('joint.itemsEmpty')}</Empty>
      </Block>
    );
  }

  return (
    <Block
      id="items"
      title={t('joint.itemsTitle')}
      description={t('joint.itemsDescription')}
      actions={
        <Badge
          color={diverging > 0 ? 'orange' : 'teal'}
          variant="light"
          size="lg"
          data-testid="diverging-count"
        >
          {t('joint.divergingCount', { count: diverging })}
        </Badge>
      }
    >
      {withheld && (
        <Alert color="gray" variant="light" title={t('joint.protectedTitle')}>
          <Stack gap={4}>
            <Text size="sm">{t('joint.withheldExplained')}</Text>
            <Text size="sm" fw={600}>
              {t('joint.neverConfront')}
            </Text>
          </Stack>
        </Alert>
      )}
      <Group gap="lg">
        <Switch
          label={t('joint.onlyDiverging')}
          checked={onlyDiverging}
          onChange={(event) => setOnlyDiverging(event.currentTarget.checked)}
        />
        <Switch
          label={t('joint.onlyAnswered')}
          checked={onlyAnswered}
          onChange={(event) => setOnlyAnswered(event.currentTarget.checked)}
        />
      </Group>
      {definition.sections.map((section) => {
        const rows = section.items.filter((item) => {
          const row = byItem.get(item.id);
          if (onlyDiverging && !row?.diverges) return false;
          if (onlyAnswered && !row?.perpetratorSide && !row?.victimSide) return false;
          return true;
        });
        if (rows.length === 0) return null;
        return (
          <div key={section.id}>
            <Title order={3} size="h6" id={`items-${section.id}`} mb={6}>
              {localized(section.title, language)}
            </Title>
            {narrow ? (
              <Stack gap="xs" role="list" aria-labelledby={`items-${section.id}`}>
                {rows.map((item) => {
                  const row = byItem.get(item.id);
                  return (
                    <Paper
                      key={item.id}
                      role="listitem"
                      withBorder
                      p="xs"
                      data-item={item.id}
                      data-diverges={row?.diverges || undefined}
                      bg={row?.diverges ? 'orange.0' : undefined}
                    >
                      <Text size="sm" fw={500}>
                        {localized(item.text, language)}
                      </Text>
                      {row?.diverges && (
                        <Badge color="orange.5" variant="filled" autoContrast size="sm" mt={4}>
                          {t('joint.differs')}
                        </Badge>
                      )}
                      <Stack component="dl" gap={4} mt="xs" mb={0}>
                        <div>
                          <Text component="dt" size="xs" c="dimmed">
                            {t('series.perpetratorSide')}
                          </Text>
                          <dd style={{ margin: 0 }}>
                            <AnswerCell
                              answer={row?.perpetratorSide ?? null}
                              item={item}
                              agencyName={agencyName}
                            />
                          </dd>
                        </div>
                        <div>
                          <Text component="dt" size="xs" c="dimmed">
                            {t('series.victimSide')}
                          </Text>
                          <dd style={{ margin: 0 }}>
                            <AnswerCell
                              answer={row?.victimSide ?? null}
                              item={item}
                              agencyName={agencyName}
                            />
                          </dd>
                        </div>
                      </Stack>
                    </Paper>
                  );
                })}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table
                  verticalSpacing="xs"
                  withTableBorder
                  layout="fixed"
                  aria-labelledby={`items-${section.id}`}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w="46%">
                        {t('joint.item')}
                      </Table.Th>
                      <Table.Th scope="col">{t('series.perpetratorSide')}</Table.Th>
                      <Table.Th scope="col">{t('series.victimSide')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((item) => {
                      const row = byItem.get(item.id);
                      return (
                        <Table.Tr
                          key={item.id}
                          data-item={item.id}
                          data-diverges={row?.diverges || undefined}
                          bg={row?.diverges ? 'orange.0' : undefined}
                        >
                          <Table.Th scope="row" fw={400}>
                            <Text size="sm">{localized(item.text, language)}</Text>
                            {row?.diverges && (
                              <Badge color="orange.5" variant="filled" autoContrast size="sm" mt={4}>
                                {t('joint.differs')}
                              </Badge>
                            )}
                          </Table.Th>
                          <Table.Td>
                            <AnswerCell
                              answer={row?.perpetratorSide ?? null}
                              item={item}
                              agencyName={agencyName}
                            />
                          </Table.Td>
                          <Table.Td>
                            <AnswerCell
                              answer={row?.victimSide ?? null}
                              item={item}
                              agencyName={agencyName}
                            />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </div>
        );
      })}
    </Block>
  );
}
