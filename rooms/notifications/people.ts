import type { Person } from '../../domain/notifications/notification-text.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';

/** How long a display name is reused before it is read again: a notification may show one this stale. */
const NAME_TTL_MS = 30_000;
/** Most names kept: the oldest go first. */
const MAX_NAMES = 10_000;

/**
 * Who a notification names, by id: display names read from the users, kept briefly (a hug to
 * someone offline costs no extra read per hug from a regular sender). A user who no longer exists
 * reads as "Someone".
 */
export class People {
  private readonly names = new Map<string, { readonly name: string; readonly until: number }>();

  constructor(
    private readonly users: UserRepository,
    private readonly now: () => number = Date.now,
  ) {}

  async person(id: string): Promise<Person> {
    const at = this.now();
    const known = this.names.get(id);
    if (known && known.until > at) return { id, displayName: known.name };
    const user = await this.users.findById(id);
    const name = user?.displayName ?? 'Someone';
    this.names.delete(id);
    this.names.set(id, { name, until: at + NAME_TTL_MS });
    if (this.names.size > MAX_NAMES) this.names.delete(this.names.keys().next().value ?? id);
    return { id, displayName: name };
  }
}
