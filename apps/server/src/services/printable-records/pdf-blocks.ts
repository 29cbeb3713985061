import type { ActionView } from '@tandem/shared';
import type { labelsFor } from '../../pdf/labels.js';

/** The building blocks every printable record is laid out with (pdfmake document content). */
export type Labels = ReturnType<typeof labelsFor>;

export function keyValues(rows: ReadonlyArray<readonly [string, string]>) {
  return {
    table: { widths: [120, '*'], body: rows.map(([key, value]) => [{ text: key, bold: true }, value]) },
    layout: 'noBorders',
  };
}

export function table(header: readonly string[], rows: readonly string[][]) {
  if (rows.length === 0) return { text: '—' };
  return {
    table: {
      headerRows: 1,
      widths: header.map(() => '*'),
      body: [header.map((text) => ({ text, bold: true })), ...rows],
    },
    layout: 'lightHorizontalLines',
  };
}

export function heading(text: string) {
  return { text, style: 'heading' };
}

/** Title, the confidentiality line and when (and in which zone) the record was printed. */
export function header(title: string, printed: string, t: Labels) {
  return [
    { text: title, style: 'title' },
    { text: t('confidential'), style: 'small' },
    { text: `${t('printedAt')}: ${printed}`, style: 'small', margin: [0, 0, 0, 8] },
  ];
}

export function actionTable(actions: readonly ActionView[], t: Labels) {
  return table(
    [t('need'), t('action'), t('term'), t('responsible'), t('status')],
    actions.map((action) => [
      action.need,
      action.victimSideOnly ? `${action.action} (${t('victimSideOnly')})` : action.action,
      action.term,
      action.responsibleName ?? '',
      t(action.status),
    ]),
  );
}
