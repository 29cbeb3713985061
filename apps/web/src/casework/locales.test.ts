import en from '../i18n/locales/casework/en.json';
import it from '../i18n/locales/casework/it.json';
import { describeTranslationParity } from '../i18n/translation-parity';

// Other languages fall back to English for casework.
describeTranslationParity('casework', en, { it });
