/* Profiles as client and server exchange them (zod-free; the schemas are in ../schemas/profile.ts). */

/** A user's public profile. */
export interface Profile {
  readonly userId: string;
  /** `null` for users provisioned from an external identity provider. */
  readonly username: string | null;
  readonly displayName: string;
  readonly avatarUrl: string | null;
  readonly bio: string;
}

/**
 * The sender hugs (and the reader of receipts) show once their account was deleted: the hugs
 * others received are kept, anonymised. Not a valid user id (`userIdSchema`) (`~` is outside its
 * alphabet), so it can never name a real user in a command.
 */
export const DELETED_USER_ID = '~deleted';
