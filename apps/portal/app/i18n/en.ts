import type { Dictionary } from "./types.ts";

export const en: Dictionary = {
  languageName: "English",
  languageSwitcherLabel: "Language",
  skipToContent: "Skip to content",
  portalName: "Payment portal",
  meta: {
    title: "Your file, explained and settled online",
    description: "See what is asked and why, pay, or propose a payment plan that fits your budget.",
  },
  hero: {
    title: "Your file, explained and settled online",
    intro:
      "{agency} is handling an unpaid invoice on behalf of one of its clients. Here you can see exactly what is asked and why, pay it, or propose a payment plan that fits your budget — at your own pace, at any time of day.",
    introWithoutAgency:
      "Here you can see exactly what is asked and why, pay it, or propose a payment plan that fits your budget — at your own pace, at any time of day.",
  },
  access: {
    title: "How to open your file",
    linkTitle: "Use the personal link we sent you",
    linkBody:
      "The letter, email or text message you received contains a personal link. Open it and you arrive directly in your file — no account or password needed.",
    codeTitle: "Reference and access code",
    codeBody:
      "Your letter also shows a file reference and an access code: enter them in the form above. If we have your mobile number or email address, we send a 6-digit security code there. Otherwise, use the personal link from your letter, email or text message.",
    noLetterTitle: "Lost your letter or link?",
    noLetterBody: "Contact us using the details below and we will send you a new link. We are happy to help.",
  },
  promises: {
    title: "What you can expect from us",
    items: [
      "We explain every amount: each invoice, any interest or costs, and the rule that allows them.",
      "If you cannot pay everything at once, you can propose a payment plan. We look for a solution with you.",
      "If you think the claim is wrong, tell us: collection is paused while we look into it.",
      "Your details are used only to handle this file, and they are kept safe.",
    ],
  },
  contact: {
    title: "Contact us",
    description: "Questions about your file, or need more time? Write or call us: we would rather talk than wait.",
    address: "Address",
    email: "Email",
    phone: "Phone",
    website: "Website",
    registration: "Registration",
    vat: "VAT number",
    openingHours: "Opening hours",
    unavailable: "Our contact details cannot be shown right now. Please try again in a few minutes, or use the details printed on your letter.",
    notConfigured: "Our contact details have not been published here yet. Please use the details printed on your letter.",
  },
  safety: {
    title: "Stay safe",
    body: "We will never ask for your bank password or card PIN. Before entering anything, check that the address of this site matches the one printed on your letter.",
  },
  footer: "Amicable collection: no court proceedings are under way. This portal is here to help you settle your file simply.",
  errors: {
    notFoundTitle: "Page not found",
    notFoundBody: "There is nothing at this address. Please check the link from your letter, email or text message.",
    genericTitle: "Something went wrong",
    genericBody: "This page could not be shown. Please try again in a few minutes.",
    backHome: "Back to the home page",
  },
};
