/**
 * A text a spreadsheet would run as a formula (or as DDE) when it opens a CSV or XLSX file:
 * one starting with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP, "CSV injection").
 * Such a text gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
 * Numbers are not texts and pass as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function inertCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
