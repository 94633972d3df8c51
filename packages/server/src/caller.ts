import type { OrganisationKind, Role, UserLocale } from '@halflife/db';

/**
 * Who is asking: resolved from a session cookie or an API token on every request. What they may
 * do is the permission matrix's (`POLICY` of @halflife/domain, enforced by `may` in permission.ts).
 */
export interface Caller {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly organisationName: string;
  /** The screens' language the user chose; null follows their browser. */
  readonly locale: UserLocale | null;
  /** The session's token hash when the caller came with a session cookie (not an API token). */
  readonly sessionId?: string;
}
