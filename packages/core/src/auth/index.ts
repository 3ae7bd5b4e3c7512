// Sign-in, sessions, second factor, passwords.
export {
  SESSION_LIFETIME_MS,
  createSession,
  generateSessionToken,
  invalidateSession,
  invalidateUserSessions,
  sessionIdFromToken,
  validateSessionToken,
  type SessionValidation,
} from "./sessions.ts";
export { hashPassword, verifyPassword, NewPasswordSchema, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "./passwords.ts";
export { signIn, SignInInputSchema, SIGN_IN_FAILED, type SignInInput, type SignInResult } from "./sign-in.ts";
export { signOut, SignOutInputSchema, type SignOutInput } from "./sign-out.ts";
export { changePassword, ChangePasswordInputSchema, type ChangePasswordInput } from "./change-password.ts";
export {
  beginTotpEnrolment,
  cancelTotpEnrolment,
  confirmTotpEnrolment,
  ConfirmTotpEnrolmentInputSchema,
  disableTotp,
  DisableTotpInputSchema,
  getAccount,
  twoFactorStateOf,
  verifySecondFactor,
  VerifySecondFactorInputSchema,
  WRONG_CODE,
  type ConfirmTotpEnrolmentInput,
  type DisableTotpInput,
  type TwoFactorState,
  type VerifySecondFactorInput,
} from "./two-factor.ts";
export { TOO_MANY_ATTEMPTS } from "./rate-limit.ts";
export { TOTP_DIGITS, TOTP_PERIOD_SECONDS, totpCodeAt } from "./totp.ts";
export type { AuthCtx } from "./acting-user.ts";
