import type { FriendsList } from '@hugmood/client';
import { useConnectionState, useHugMoodClient } from '@hugmood/react';
import { useCallback, useEffect, useState } from 'react';

const EMPTY: FriendsList = { friends: [], incoming: [], outgoing: [], blocked: [] };

/** The friends list and pending requests, read on connect and again on every friendship change. */
export function useFriendsList(): { readonly list: FriendsList; readonly reload: () => void } {
  const client = useHugMoodClient();
  const state = useConnectionState();
  const [list, setList] = useState<FriendsList>(EMPTY);
  const reload = useCallback(() => {
    client?.friends.list().then(setList, () => undefined);
  }, [client]);
  useEffect(() => {
    if (state === 'connected') reload();
  }, [state, reload]);
  useEffect(() => client?.friends.on('update', reload), [client, reload]);
  return { list, reload };
}
