/** PLACEHOLDER — Her file on the victim side: support episodes, consents, contact preferences, partner contact, disclosures and shares, safety plans. */
export const victimRoutes = {} as const;
