/** The id of an input of one instrument form, from its field path (`answers.<item>`, `judgedLevel` …). */
export const elementId = (formId: string, path: string) =>
  `${formId}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
