import type { SessionView } from '@tandem/shared';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatNowInNetwork } from './format';
import { fitTextareasForPrint, onPrintMedia } from './printMedia';

/**
 * The line on paper that says whose copy it is: "Confidential · Printed by … (agency) on …", the
 * moment on the server's clock in the network's zone. Shown only in print (class print-only, see
 * app/print.css): at the top of the first page, and, where the browser draws page margin boxes
 * (Chromium), at the top of every further page, with the page number at the foot.
 */
export function PrintHeader({ user }: { user: SessionView['user'] }) {
  const { t, i18n } = useTranslation();
  const when = usePrintMoment(i18n.language);
  useEffect(() => onPrintMedia(fitTextareasForPrint), []);
  const confidential = t('print.confidential');
  const printedBy = t('print.printedBy', {
    name: user.displayName,
    agency: user.agencyName ?? t('layout.noAgency'),
    when,
  });
  const [before, between, after] = t('print.page', { page: '\u0001', pages: '\u0001' }).split('\u0001');
  const pageRules = `@page { @top-left { content: ${cssString(`${confidential} · ${printedBy}`)}; font-size: 8pt; }
  @bottom-right { content: ${cssString(before ?? '')} counter(page) ${cssString(between ?? '')} counter(pages) ${cssString(after ?? '')}; font-size: 8pt; } }
@page :first { @top-left { content: none; } }`;

  return (
    <div className="print-only print-header" data-testid="print-header">
      <style>{pageRules}</style>
      <strong>{confidential}</strong> · {printedBy}
    </div>
  );
}

/** Now, formatted; brought up to date just before the browser lays the page out for printing. */
function usePrintMoment(language: string): string {
  const [when, setWhen] = useState(() => formatNowInNetwork(language));
  useEffect(() => {
    setWhen(formatNowInNetwork(language));
    return onPrintMedia((printing) => {
      // window.print() lays the page out right after beforeprint: render the new time synchronously.
      if (printing) flushSync(() => setWhen(formatNowInNetwork(language)));
    });
  }, [language]);
  return when;
}

/** A CSS string literal: quotes, backslashes, angle brackets and line breaks escaped. */
function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>\n\r]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}
