import type { GroupInvite } from '@hugmood/client';
import { useConnectionState, useHugMoodClient } from '@hugmood/react';
import { useEffect, useState } from 'react';

/**
 * Group-hug invitations waiting for an answer: those still open when the page connects (read from
 * the server, so a reload or another device shows them too), then each that arrives.
 */
export function useGroupInvites(): { readonly invites: readonly GroupInvite[]; readonly dismiss: (groupId: string) => void } {
  const client = useHugMoodClient();
  const state = useConnectionState();
  const [invites, setInvites] = useState<readonly GroupInvite[]>([]);
  const add = (incoming: readonly GroupInvite[]) => setInvites((list) => [...incoming.filter((i) => !list.some((known) => known.groupId === i.groupId)), ...list]);

  useEffect(() => client?.groupHugs.on('invited', ({ cursor: _cursor, ...invite }) => add([invite])), [client]);
  useEffect(() => {
    if (!client || state !== 'connected') return;
    client.groupHugs.open().then(
      (groups) => {
        const me = client.userId;
        add(groups.filter((g) => me !== null && g.state.invited.includes(me)).map((g) => ({ groupId: g.id, title: g.state.title, from: g.state.creatorId })));
      },
      () => undefined,
    );
  }, [client, state]);
  return { invites, dismiss: (groupId) => setInvites((list) => list.filter((i) => i.groupId !== groupId)) };
}
