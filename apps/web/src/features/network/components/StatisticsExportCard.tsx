import { Button } from '@mantine/core';
import { routes } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../../api/client';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { Section } from '../../../components/PageParts';
import { OPEN_PERIOD, PeriodFields, periodQuery } from '../../../components/PeriodFields';

const FILES = [
  { route: routes.network.statisticsCsv, format: 'csv' },
  { route: routes.network.statisticsXlsx, format: 'xlsx' },
  { route: routes.network.statisticsJson, format: 'json' },
] as const;

/**
 * The network's figures as a file for regional and national data collection: the same counts as
 * this page, small ones suppressed by the server, each with its definition, in the reader's
 * language. The browser downloads the file from the route itself.
 */
export function StatisticsExportCard({ networkId, networkName }: { networkId: string; networkName: string }) {
  const { t } = useTranslation(CASEWORK_NS);
  const [period, setPeriod] = useState(OPEN_PERIOD);
  const query = periodQuery(period);
  const reversed = Boolean(period.from && period.to && period.to < period.from);
  return (
    <Section
      id={`statistics-export-${networkId}`}
      title={t('networkStatistics.export.title', { network: networkName })}
      description={t('networkStatistics.export.description')}
    >
      <PeriodFields
        period={period}
        onChange={setPeriod}
        fromLabel={t('networkStatistics.divergence.from')}
        toLabel={t('networkStatistics.divergence.to')}
        toError={reversed ? t('networkStatistics.export.reversed') : undefined}
      >
        {FILES.map((file) => (
          <Button
            key={file.format}
            component="a"
            variant="default"
            href={routeHref(file.route, { params: { id: networkId }, query })}
            download
            aria-disabled={reversed || undefined}
            onClick={(event) => reversed && event.preventDefault()}
            aria-label={t('networkStatistics.export.download', {
              format: t(`networkStatistics.export.formats.${file.format}`),
            })}
          >
            {t(`networkStatistics.export.formats.${file.format}`)}
          </Button>
        ))}
      </PeriodFields>
    </Section>
  );
}
