// The debtor portal's ways in: personal links, reference + access code + one-time code, sessions.
export {
  CODE_INVALID,
  CODE_WRONG,
  INVALID_LINK,
  PORTAL_IP_FAILURES,
  PORTAL_LINK_LIFETIME_DAYS,
  PORTAL_SESSION_IDLE_MS,
  PORTAL_SESSION_MAX_MS,
  SIGN_IN_LOCKED,
  SIGN_IN_REFUSED,
} from "./shared.ts";
export {
  issuePortalLink,
  IssuePortalLinkInputSchema,
  openPortalLink,
  OpenPortalLinkInputSchema,
  portalLinkPath,
  type IssuedPortalLink,
  type IssuePortalLinkInput,
  type OpenedPortalSession,
  type OpenPortalLinkInput,
} from "./portal-links.ts";
export {
  startPortalSignIn,
  StartPortalSignInInputSchema,
  verifyPortalCode,
  VerifyPortalCodeInputSchema,
  type CodeDestination,
  type StartPortalSignInInput,
  type StartPortalSignInResult,
  type VerifyPortalCodeInput,
} from "./portal-sign-in.ts";
export { signOutPortal, validatePortalSession, type PortalSessionInfo } from "./portal-sessions.ts";
export { PORTAL_CODE_TEMPLATE } from "./one-time-code-texts.ts";
