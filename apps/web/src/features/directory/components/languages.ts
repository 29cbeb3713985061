/** A language code in the reader's language ("ar" → "Arabic" / "arabo"); the code where unknown. */
export function spokenLanguageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
