import type { Language, StatisticsExportFormat } from '@tandem/shared';
import ExcelJS from 'exceljs';
import type { CommandScope } from '../../data/command-scope.js';
import { notFound } from '../../domain/errors.js';
import { inertCell } from '../../security/spreadsheet-cells.js';
import { riskDivergenceStatistics } from '../instruments/risk-divergence.service.js';
import { seriousHarmStatistics } from '../victim-file/serious-harm-statistics.service.js';
import { type ExportWords, exportWordsFor, type WordKey } from './statistics-export-words.js';

type Period = { from?: string | undefined; to?: string | undefined };

/** One figure of the export: a count, or null where it is suppressed. */
interface Figure {
  section: 'divergence' | 'seriousHarm';
  figure: WordKey;
  value: number | null;
  definition: WordKey;
}

/**
 * The network's figures as a file for regional and national data collection (docs/domain.md,
 * "Beyond single cases"): the same counts as the statistics page, computed by the same services — so the
 * same policy refuses whoever may not read them and the same suppression applies — with each
 * figure's definition, the period and the suppression rule written beside them. CSV and XLSX
 * cells cannot run as formulas. The export itself is audited with its format and filters.
 */
export async function networkStatisticsExport(
  scope: CommandScope,
  networkId: string,
  period: Period,
  format: StatisticsExportFormat,
  language: Language,
): Promise<{ bytes: Buffer; filename: string }> {
  const divergence = await riskDivergenceStatistics(scope, networkId, period);
  const seriousHarm = await seriousHarmStatistics(scope, networkId, period);
  const network = await scope.repos.directory.findNetwork(networkId);
  if (!network) throw notFound();

  const figures: Figure[] = [
    { section: 'divergence', figure: 'pairs', value: divergence.pairs, definition: 'pairsDefinition' },
    { section: 'divergence', figure: 'cases', value: divergence.cases, definition: 'casesDefinition' },
    ...breakdown('divergence', divergence.cells, 'cellDefinition'),
    { section: 'seriousHarm', figure: 'shares', value: seriousHarm.shares, definition: 'sharesDefinition' },
    ...breakdown('seriousHarm', seriousHarm.byBasis, 'basisDefinition'),
    ...breakdown('seriousHarm', seriousHarm.byTelling, 'tellingDefinition'),
  ];

  scope.audit.record({
    action: 'network_statistics.export',
    outcome: 'success',
    resourceType: 'network',
    resourceId: networkId,
    details: { format, from: period.from ?? null, to: period.to ?? null, figures: figures.length },
  });

  const words = exportWordsFor(language);
  const about = {
    network: network.name,
    from: period.from ?? null,
    to: period.to ?? null,
    generatedAt: scope.clock.now().toISOString(),
    minimumCount: divergence.minimumCount,
  };
  const filename = `network-statistics-${period.from ?? 'start'}-${period.to ?? scope.clock.now().toISOString().slice(0, 10)}.${format}`;
  if (format === 'json') {
    const document = {
      network: { id: networkId, name: network.name },
      period: { from: about.from, to: about.to },
      generatedAt: about.generatedAt,
      minimumCount: about.minimumCount,
      suppression: words('suppression'),
      figures: figures.map((figure) => ({
        section: figure.section,
        figure: figure.figure,
        name: words(figure.figure),
        value: figure.value,
        suppressed: figure.value === null,
        definition: words(figure.definition),
      })),
    };
    return { bytes: Buffer.from(`${JSON.stringify(document, null, 2)}\n`), filename };
  }
  const workbook = figuresWorkbook(figures, about, words);
  if (format === 'xlsx') return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), filename };
  // A byte-order mark, so that a spreadsheet opens the file as UTF-8 (Greek, Bulgarian).
  const csv = await workbook.csv.writeBuffer({ sheetName: words('sheetFigures') });
  return { bytes: Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(csv)]), filename };
}

/** The cells of one breakdown as figures, each named by its key, sharing one definition. */
function breakdown(
  section: Figure['section'],
  cells: Record<string, number | null>,
  definition: WordKey,
): Figure[] {
  return Object.entries(cells).map(([figure, value]) => ({
    section,
    figure: figure as WordKey,
    value,
    definition,
  }));
}

/**
 * One rectangular table of figures (each row says its network and period, so a CSV of many
 * networks can be appended), and for XLSX a second sheet that says how it was made.
 */
function figuresWorkbook(
  figures: Figure[],
  about: {
    network: string;
    from: string | null;
    to: string | null;
    generatedAt: string;
    minimumCount: number;
  },
  words: ExportWords,
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(words('sheetFigures'));
  sheet.columns = [
    { header: words('network'), key: 'network', width: 24 },
    { header: words('from'), key: 'from', width: 12 },
    { header: words('to'), key: 'to', width: 12 },
    { header: words('section'), key: 'section', width: 28 },
    { header: words('figure'), key: 'figure', width: 36 },
    { header: words('value'), key: 'value', width: 8 },
    { header: words('suppressed'), key: 'suppressed', width: 10 },
    { header: words('definition'), key: 'definition', width: 80 },
  ];
  for (const figure of figures) {
    sheet.addRow(
      Object.fromEntries(
        Object.entries({
          network: about.network,
          from: about.from ?? words('wholeTime'),
          to: about.to ?? words('untilNow'),
          section: words(figure.section),
          figure: words(figure.figure),
          value: figure.value,
          suppressed: figure.value === null ? words('yes') : words('no'),
          definition: words(figure.definition),
        }).map(([key, value]) => [key, inertCell(value)]),
      ),
    );
  }
  const aboutSheet = workbook.addWorksheet(words('sheetAbout'));
  aboutSheet.columns = [
    { key: 'name', width: 28 },
    { key: 'value', width: 100 },
  ];
  for (const [name, value] of [
    [words('network'), about.network],
    [words('from'), about.from ?? words('wholeTime')],
    [words('to'), about.to ?? words('untilNow')],
    [words('generatedAt'), about.generatedAt],
    [words('minimumCount'), about.minimumCount],
    [words('suppressed'), words('suppression')],
  ] as const)
    aboutSheet.addRow({ name: inertCell(name), value: inertCell(value) });
  return workbook;
}
