import type { FastifyRequest } from 'fastify';
import { LANGUAGES, type Language } from './catalogue.js';
import '../http/fastify-types.js';

const supported = (tag: string | undefined): Language | null => {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary) ?? null;
};

/** The first supported language of an Accept-Language header, by its q-values. */
export function acceptedLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [tag, ...parameters] = part.split(';');
      const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const entry of ranked) {
    const language = supported(entry.tag);
    if (language) return language;
  }
  return null;
}

/**
 * The language to answer a request in: the signed-in user's own (app_user.language, loaded with
 * the session by authentication), else the browser's Accept-Language, else English.
 */
export function languageOf(request: FastifyRequest): Language {
  return (
    supported(request.session?.user.language) ?? acceptedLanguage(request.headers['accept-language']) ?? 'en'
  );
}
