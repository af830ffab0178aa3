import type { GroupInvite } from '@hugmood/client';
import { useHugMoodClient } from '@hugmood/react';
import { useEffect, useState } from 'react';

/** Group-hug invitations that arrived while the page is open (live, or synced after a reconnect). */
export function useGroupInvites(): { readonly invites: readonly GroupInvite[]; readonly dismiss: (groupId: string) => void } {
  const client = useHugMoodClient();
  const [invites, setInvites] = useState<readonly GroupInvite[]>([]);
  useEffect(
    () =>
      client?.groupHugs.on('invited', ({ cursor: _cursor, ...invite }) =>
        setInvites((list) => (list.some((i) => i.groupId === invite.groupId) ? list : [invite, ...list])),
      ),
    [client],
  );
  return { invites, dismiss: (groupId) => setInvites((list) => list.filter((i) => i.groupId !== groupId)) };
}
