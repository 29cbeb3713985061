import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { type InstrumentDefinition, scoreInstrument } from '@tandem/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../../app/i18n/namespaces';
import {
  type FormState,
  isJudgementRule,
  judgement,
  localized,
  progress,
  tierRule,
  toAnswers,
} from '../../logic';
import { LevelBadge, levelLabel } from '../parts';
import { elementId } from './ids';

/** The live result: the computed level, the tier counts, how much is answered, the judgement. */
export function Summary({
  definition,
  state,
  formId,
}: {
  definition: InstrumentDefinition;
  state: FormState;
  formId: string;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  // The same mapping as the request body, so the preview is what the server will compute.
  const answers = useMemo(() => toAnswers(definition, state.draft), [definition, state.draft]);
  const result = scoreInstrument(definition, answers);
  const rule = tierRule(definition);
  const counts = progress(definition, state.draft);
  const judged = judgement(definition, result.level, state.judgedLevel);
  const levels = definition.levels ?? [];
  const professionalRating = isJudgementRule(definition);
  const sectionTitle = (id: string) => {
    const section = definition.sections.find((candidate) => candidate.id === id);
    return section ? localized(section.title, language) : id;
  };

  return (
    <Card withBorder radius="md" padding="md" component="aside" aria-labelledby={`${formId}-summary`}>
      <Title order={2} size="h5" id={`${formId}-summary`}>
        {t('summary.title')}
      </Title>
      <Stack gap="xs" mt="xs">
        {result.level !== null ? (
          <Group gap="xs" aria-live="polite" data-testid="computed-level">
            <Text size="sm">{t('summary.computedLevel')}</Text>
            <LevelBadge definition={definition} level={result.level} size="lg" />
          </Group>
        ) : (
          result.score !== null && (
            <Text size="sm" aria-live="polite" data-testid="computed-score">
              {t('summary.score')} <strong>{result.score}</strong>
            </Text>
          )
        )}
        {professionalRating && (
          <Text size="xs" c="dimmed" data-testid="judgement-rule">
            {t(result.level === null ? 'summary.notRated' : 'summary.judgementRule')}
          </Text>
        )}
        {result.factorCounts && (
          <Text size="sm" data-testid="factor-counts">
            {t('summary.factors', result.factorCounts)}
          </Text>
        )}
        {result.sectionResults && (
          <Stack gap={2} data-testid="section-results">
            <Text size="xs" c="dimmed">
              {t('summary.highestCounts')}
            </Text>
            {Object.entries(result.sectionResults).map(([section, outcome]) => (
              <Group key={section} gap="xs">
                <Text size="sm">{sectionTitle(section)}</Text>
                {outcome.level !== null && <LevelBadge definition={definition} level={outcome.level} />}
                {outcome.score !== null && (
                  <Text size="xs" c="dimmed">
                    {t('summary.score')} {outcome.score}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {result.ruleResults && (
          <Stack gap={2} data-testid="rule-results">
            <Text size="xs" c="dimmed">
              {t('summary.highestCounts')}
            </Text>
            {result.ruleResults.map((outcome, index) => (
              // The rules of a combined rule are a fixed list: their position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from the definition
              <Group key={index} gap="xs">
                <Text size="sm">{t(`summary.rule.${outcome.rule}`)}</Text>
                {outcome.level !== null && <LevelBadge definition={definition} level={outcome.level} />}
                {outcome.score !== null && (
                  <Text size="xs" c="dimmed">
                    {t('summary.score')} {outcome.score}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {result.level !== null && result.score !== null && (
          <Text size="sm">
            {t('summary.score')} <strong>{result.score}</strong>
          </Text>
        )}
        {rule && (
          <Stack gap={2}>
            <Text size="sm">
              {t('summary.serious', { count: result.tierCounts.serious })}{' '}
              <Text span size="xs" c="dimmed">
                {t('summary.seriousRule', { level: levelLabel(levels, rule.levels.serious, language) })}
              </Text>
            </Text>
            <Text size="sm">
              {t('summary.nonSpecific', { count: result.tierCounts.non_specific })}{' '}
              <Text span size="xs" c="dimmed">
                {t('summary.nonSpecificRule', {
                  threshold: rule.threshold,
                  level: levelLabel(levels, rule.levels.nonSpecific, language),
                })}
              </Text>
            </Text>
          </Stack>
        )}
        {Object.keys(result.areaScores).length > 0 && (
          <Text size="xs" c="dimmed">
            {Object.entries(result.areaScores)
              .map(([area, score]) => `${t(`area.${area}`, { defaultValue: area })}: ${score}`)
              .join(' · ')}
          </Text>
        )}
        <Text size="sm">
          {t('summary.answered', { answered: counts.answered, total: counts.total })}
          {counts.unknown > 0 && ` · ${t('summary.unknown', { count: counts.unknown })}`}
        </Text>
        {judged.kind === 'raised' || judged.kind === 'lowered' ? (
          <Group gap="xs">
            <Text size="sm">{t(`summary.judged.${judged.kind}`)}</Text>
            <LevelBadge definition={definition} level={state.judgedLevel} />
          </Group>
        ) : null}
        {result.level !== null && !professionalRating && (
          <Text size="xs" c="dimmed">
            <a href={`#${elementId(formId, 'judgedLevel')}`}>{t('summary.toJudgement')}</a>
          </Text>
        )}
      </Stack>
    </Card>
  );
}
