// Accounts and roles, for administrators.
export { createUser, CreateUserInputSchema, listUsers, resetUserPassword, updateUser, UpdateUserInputSchema, type CreateUserInput, type UpdateUserInput, type UserSummary } from "./manage-users.ts";
