import type { UserStatus } from '@hugmood/client';

const LABELS: Record<UserStatus, string> = { online: 'Online', away: 'Away', offline: 'Offline', hidden: 'Status hidden' };

/** A coloured dot with its status in words for screen readers (and a tooltip). */
export function PresenceDot({ status }: { readonly status: UserStatus }) {
  return <span className={`dot dot-${status}`} role="img" aria-label={LABELS[status]} title={LABELS[status]} data-status={status} />;
}
