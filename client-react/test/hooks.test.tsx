// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GroupHug, GroupHugView, HugMoodClient, ReceivedHug } from '@hugmood/client';
import { useEffect, useState } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Account, register } from '../../e2e/support/accounts.js';
import { befriend, closeAllClients, eventually, startClient } from '../../e2e/support/clients.js';
import { type ServerProcess, startNodeProcess } from '../../e2e/support/node-process.js';
import {
  HugMoodProvider,
  useConnectionState,
  useFeed,
  useFriendMoods,
  useGroupHug,
  useGroupHugFrame,
  useHugAnimation,
  useHugs,
  useMe,
  useMoods,
  useNotifications,
  usePresence,
  useSendHug,
} from '../src/index.js';

const WAIT = { timeout: 10_000 };
let server: ServerProcess;

function connect(account: Account): HugMoodClient {
  return startClient(server.url, { auth: { username: account.username, password: account.password }, followVisibility: false }, account.username);
}

/** Two friends, Amy (rendered) and Bob (driven through the SDK), both connected. */
async function friends(): Promise<{ amy: HugMoodClient; bob: HugMoodClient; amyId: string; bobId: string }> {
  const [a, b] = await Promise.all([register(server.url, 'amy'), register(server.url, 'bob')]);
  const amy = connect(a);
  const bob = connect(b);
  await Promise.all([amy.whenConnected(10_000), bob.whenConnected(10_000)]);
  await befriend(amy, bob, b.userId, a.userId);
  return { amy, bob, amyId: a.userId, bobId: b.userId };
}

beforeAll(async () => {
  server = await startNodeProcess();
});
afterEach(() => {
  cleanup();
  closeAllClients();
});
afterAll(async () => {
  await server.stop();
});

describe('@hugmood/react against a real server', () => {
  it('renders on a server without a client or a connection, with empty values', () => {
    function Everything() {
      const state = useConnectionState();
      const me = useMe();
      const presence = usePresence('friends');
      const { unread, items } = useNotifications();
      const feed = useFeed();
      const frame = useGroupHugFrame(null);
      return <p>{`${state} ${me === null} ${presence.size} ${unread} ${items.length} ${feed.items.length} ${frame.phase}`}</p>;
    }
    const html = renderToString(
      <HugMoodProvider client={null}>
        <Everything />
      </HugMoodProvider>,
    );
    expect(html).toContain('disconnected true 0 0 0 0 gathering');
  });

  it('useConnectionState and useMe follow the client', async () => {
    const account = await register(server.url, 'amy');
    const client = connect(account);
    function Status() {
      const state = useConnectionState();
      const me = useMe();
      return <p data-testid="status">{`${state}:${me?.username ?? '-'}`}</p>;
    }
    render(
      <HugMoodProvider client={client}>
        <Status />
      </HugMoodProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe(`connected:${account.username}`), WAIT);
    act(() => client.close());
    await waitFor(() => expect(screen.getByTestId('status').textContent).toMatch(/^closed:/), WAIT);
  });

  it("usePresence('friends') shows each friend's status live, and re-renders a selection only when it changes", async () => {
    const { amy, bob, bobId } = await friends();
    let selectionRenders = 0;
    function Dots() {
      const statuses = usePresence('friends');
      return <p data-testid="dots">{[...statuses.values()].map((p) => p.status).join(',')}</p>;
    }
    function OnlineCount() {
      const online = usePresence('friends', (s) => [...s.values()].filter((p) => p.status !== 'offline').length);
      selectionRenders += 1;
      return <p data-testid="count">{online}</p>;
    }
    render(
      <HugMoodProvider client={amy}>
        <Dots />
        <OnlineCount />
      </HugMoodProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('dots').textContent).toBe('online'), WAIT);
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1'), WAIT);
    const before = selectionRenders;
    await bob.setAppState('background');
    await waitFor(() => expect(screen.getByTestId('dots').textContent).toBe('away'), WAIT);
    // Online → away leaves the count at 1: that component did not render again.
    expect(selectionRenders).toBe(before);
    expect(amy.presence.friendIds()).toEqual([bobId]);
  });

  it('useHugs calls the latest onReceived once per hug, and useHugAnimation plays its curve frame by frame', async () => {
    const { amy, bob, amyId } = await friends();
    const calls: string[] = [];
    // happy-dom's requestAnimationFrame fires as fast as it can (not 60 times a second): a hug can
    // render a hundred thousand frames, so the frames are folded as they come, not kept.
    const intensities = new Set<number>();
    let peak = 0;
    function Hugs({ label }: { label: string }) {
      const { received } = useHugs({ onReceived: (hug) => calls.push(`${label}:${hug.message ?? ''}`) });
      const frame = useHugAnimation(received[0]);
      intensities.add(frame.intensity);
      peak = Math.max(peak, frame.intensity);
      return <p data-testid="hug" data-done={String(frame.done)} style={{ transform: `scale(${1 + frame.intensity * 0.5})` }}>{received.length}</p>;
    }
    const { rerender } = render(
      <HugMoodProvider client={amy}>
        <Hugs label="first" />
      </HugMoodProvider>,
    );
    rerender(
      <HugMoodProvider client={amy}>
        <Hugs label="latest" />
      </HugMoodProvider>,
    );
    await bob.hugs.send(amyId, { kind: 'bear', message: 'hello' });
    await waitFor(() => expect(screen.getByTestId('hug').textContent).toBe('1'), WAIT);
    expect(calls).toEqual(['latest:hello']);
    await waitFor(() => expect(screen.getByTestId('hug').dataset['done']).toBe('true'), WAIT);
    // Rendered frame by frame while it played (each render records its intensity): many values, rising above zero.
    expect([...intensities].filter((i) => i > 0).length).toBeGreaterThan(5);
    expect(peak).toBeGreaterThan(0.3);
  });

  it('useSendHug sends, and useNotifications counts the unread and marks them read', async () => {
    const { amy, bob, amyId, bobId } = await friends();
    const bobGot: ReceivedHug[] = [];
    bob.hugs.on('received', (hug) => bobGot.push(hug));
    function Sender() {
      const { send, sending, lastResult } = useSendHug();
      return (
        <button type="button" onClick={() => void send(bobId, { kind: 'warm', message: 'from a button' })}>
          {`${sending}:${lastResult ? 'sent' : '-'}`}
        </button>
      );
    }
    function Bell() {
      const { unread, items, markAllRead } = useNotifications();
      return (
        <button type="button" data-testid="bell" onClick={() => void markAllRead()}>
          {`${unread}/${items.length}`}
        </button>
      );
    }
    render(
      <HugMoodProvider client={amy}>
        <Sender />
        <Bell />
      </HugMoodProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /-$/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: '0:sent' })).toBeTruthy(), WAIT);
    await eventually(() => bobGot.some((h) => h.message === 'from a button'), 10_000, 'the hug at Bob');

    // Bob accepted Amy's friend request: one unread notification.
    await waitFor(() => expect(screen.getByTestId('bell').textContent).toBe('1/1'), WAIT);
    await bob.hugs.send(amyId, { kind: 'bear' });
    await bob.hugs.send(amyId, { kind: 'warm' });
    await waitFor(() => expect(screen.getByTestId('bell').textContent).toBe('3/3'), WAIT);
    fireEvent.click(screen.getByTestId('bell'));
    await waitFor(() => expect(screen.getByTestId('bell').textContent).toBe('0/3'), WAIT);
  });

  it('useMoods records and reads the streak; useFriendMoods and useFeed show a friend\'s mood live', async () => {
    const { amy, bob } = await friends();
    function Moods() {
      const { streak, history, record } = useMoods();
      const board = useFriendMoods();
      const feed = useFeed();
      const bobs = [...board.values()][0]?.latest?.mood ?? '-';
      return (
        <>
          <button type="button" onClick={() => void record('calm', { intensity: 0.6 })}>
            record
          </button>
          <p data-testid="mine">{`${streak?.current ?? '-'}:${history.map((m) => m.mood).join(',')}`}</p>
          <p data-testid="friends">{`${bobs}:${feed.items.map((i) => i.type).join(',')}`}</p>
        </>
      );
    }
    render(
      <HugMoodProvider client={amy}>
        <Moods />
      </HugMoodProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'record' }));
    await waitFor(() => expect(screen.getByTestId('mine').textContent).toBe('1:calm'), WAIT);
    await waitFor(() => expect(screen.getByTestId('friends').textContent).toMatch(/^-:/), WAIT);
    await bob.moods.record('grateful', { intensity: 0.8 });
    await waitFor(() => expect(screen.getByTestId('friends').textContent).toMatch(/^grateful:mood/), WAIT);
  });

  it('useGroupHug follows a group hug from gathering to live, and useGroupHugFrame runs on the server clock', async () => {
    const { amy, bob, bobId } = await friends();
    const group = await amy.groupHugs.create({ title: 'Tea time', invitees: [bobId], durationMs: 3000 });
    function Group() {
      const [id] = useState(group.id);
      const { group: view, timeline, pulse, squeeze, start } = useGroupHug(id);
      const frame = useGroupHugFrame(timeline);
      return (
        <>
          <p data-testid="group">{`${view?.phase ?? '-'}:${view?.participantCount ?? 0}:${frame.phase}:${pulse ? 'pulse' : '-'}`}</p>
          <button type="button" onClick={() => void start()}>
            start
          </button>
          <button type="button" onClick={() => void squeeze(0.9)}>
            squeeze
          </button>
        </>
      );
    }
    render(
      <HugMoodProvider client={amy}>
        <Group />
      </HugMoodProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('group').textContent).toBe('gathering:1:gathering:-'), WAIT);
    await bob.groupHugs.join(group.id);
    await waitFor(() => expect(screen.getByTestId('group').textContent).toMatch(/^gathering:2:/), WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'start' }));
    await waitFor(() => expect(screen.getByTestId('group').textContent).toMatch(/^countdown:2:countdown/), WAIT);
    await waitFor(() => expect(screen.getByTestId('group').textContent).toMatch(/^live:2:live/), WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'squeeze' }));
    await bob.groupHugs.squeeze(group.id, 0.7);
    await waitFor(() => expect(screen.getByTestId('group').textContent).toMatch(/:pulse$/), WAIT);
    await waitFor(() => expect(screen.getByTestId('group').textContent).toMatch(/^(complete|ended):2:ended/), WAIT);
  }, 30_000);

  it('useGroupHug shows a change the handle took while the component was mounting, before it listened', async () => {
    // Bob is invited, not joined: his handle changes only when his client reads a snapshot, as a
    // join does. The snapshot lands from a child's effect, which React runs before the hook's own
    // effects of the same commit: after the hook read the handle, before it listened to it.
    const { amy, bob, bobId } = await friends();
    const created = await amy.groupHugs.create({ title: 'Mid-mount', invitees: [bobId] });
    const bobsHandle = await bob.groupHugs.get(created.id);
    const counting = (await amy.groupHugs.start(created.id)).state;
    expect(counting.phase).toBe('countdown');
    expect(bobsHandle.state.phase).toBe('gathering');
    const seen: string[] = [];
    function Snapshot({ handle, view }: { handle: GroupHug; view: GroupHugView }) {
      useEffect(() => {
        // What the SDK does when a join's snapshot arrives (`group:get`, then `replace`).
        (handle as unknown as { replace(next: GroupHugView): void }).replace(view);
      }, [handle, view]);
      return null;
    }
    function Group() {
      const { group, handle } = useGroupHug(created.id);
      if (group) seen.push(group.phase);
      return (
        <>
          <p data-testid="phase">{group?.phase ?? '-'}</p>
          {handle && <Snapshot handle={handle} view={counting} />}
        </>
      );
    }
    render(
      <HugMoodProvider client={bob}>
        <Group />
      </HugMoodProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('phase').textContent).toBe('countdown'), WAIT);
    expect(seen[0]).toBe('gathering');
    expect(bobsHandle.state.phase).toBe('countdown');
  }, 30_000);
});
