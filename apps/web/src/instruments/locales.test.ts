import { describeTranslationParity } from '../i18n/translation-parity';
import en from './locales/en.json';
import it from './locales/it.json';

// Other languages fall back to English for the instruments.
describeTranslationParity('instruments', en, { it });
