/** How the emulated org formats and words things for a user's language (PCF userSettings, Xrm dialogs). */
export interface UserLanguage {
  locale: string;
  shortDatePattern: string;
  decimalSeparator: string;
  groupSeparator: string;
  /** The platform's own labels of its dialogs. */
  cancelLabel: string;
  errorTitle: string;
}

const ENGLISH: UserLanguage = {
  locale: "en-US",
  shortDatePattern: "M/d/yyyy",
  decimalSeparator: ".",
  groupSeparator: ",",
  cancelLabel: "Cancel",
  errorTitle: "Error",
};

const LANGUAGES: Readonly<Record<number, UserLanguage>> = {
  1033: ENGLISH,
  1031: {
    locale: "de-DE",
    shortDatePattern: "dd.MM.yyyy",
    decimalSeparator: ",",
    groupSeparator: ".",
    cancelLabel: "Abbrechen",
    errorTitle: "Fehler",
  },
  1036: {
    locale: "fr-FR",
    shortDatePattern: "dd/MM/yyyy",
    decimalSeparator: ",",
    groupSeparator: "\u202f",
    cancelLabel: "Annuler",
    errorTitle: "Erreur",
  },
  3082: {
    locale: "es-ES",
    shortDatePattern: "dd/MM/yyyy",
    decimalSeparator: ",",
    groupSeparator: ".",
    cancelLabel: "Cancelar",
    errorTitle: "Error",
  },
};

/** The user's language as the harness speaks it: English (United States) for a language id it does not know. */
export function userLanguage(languageId: number): UserLanguage {
  return LANGUAGES[languageId] ?? ENGLISH;
}
