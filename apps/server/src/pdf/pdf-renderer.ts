import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * PDFs with pdfmake and its bundled Roboto fonts. No URL or file outside the fonts can be
 * fetched while rendering: a document is built only from data the caller already holds.
 */
const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: pdfmake ships no types for its server build
const pdfmake: any = require('pdfmake');
const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

pdfmake.addFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(fontDir));

export type PdfContent = unknown[];

export async function renderPdf(title: string, content: PdfContent): Promise<Buffer> {
  return pdfmake
    .createPdf({
      info: { title, producer: 'Tandem', creator: 'Tandem' },
      pageSize: 'A4',
      pageMargins: [40, 50, 40, 50],
      defaultStyle: { font: 'Roboto', fontSize: 10 },
      styles: {
        title: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
        heading: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
        small: { fontSize: 8, color: '#555555' },
      },
      footer: (page: number, pages: number) => ({
        text: `${title} — ${page}/${pages}`,
        style: 'small',
        alignment: 'center',
      }),
      content,
    })
    .getBuffer();
}
