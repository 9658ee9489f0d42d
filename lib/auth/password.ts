/** The shortest password an account may have: Better Auth checks it at sign-in, the account forms at creation. */
export const PASSWORD_MIN_LENGTH = 12;
