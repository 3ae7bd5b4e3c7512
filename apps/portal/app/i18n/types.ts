/** Every text of the portal, one dictionary per language. A missing key is a type error. */
export interface Dictionary {
  /** The language's own name, shown in the switcher. */
  languageName: string;
  languageSwitcherLabel: string;
  skipToContent: string;
  portalName: string;
  meta: { title: string; description: string };
  hero: {
    title: string;
    /** `{agency}` is replaced by the agency's name. */
    intro: string;
    introWithoutAgency: string;
  };
  access: {
    title: string;
    linkTitle: string;
    linkBody: string;
    codeTitle: string;
    codeBody: string;
    noLetterTitle: string;
    noLetterBody: string;
  };
  promises: { title: string; items: readonly string[] };
  contact: {
    title: string;
    description: string;
    address: string;
    email: string;
    phone: string;
    website: string;
    registration: string;
    vat: string;
    openingHours: string;
    unavailable: string;
    notConfigured: string;
  };
  safety: { title: string; body: string };
  footer: string;
  errors: {
    notFoundTitle: string;
    notFoundBody: string;
    genericTitle: string;
    genericBody: string;
    backHome: string;
  };
}
