import { type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { useAction, type Action } from './useAction';
import { useRemoteData, type RemoteData } from './useRemoteData';

const PAGE_SIZE = 50;

export interface Messages extends RemoteData<RouteResponse<'messages.list'>> {
  /** Marks one message (or, without an id, all) read and reloads. */
  markRead: Action<[id?: string], void>;
}

/** 消息中心: the latest messages with the unread count, reloaded each time the page shows. */
export function useMessages(): Messages {
  const remote = useRemoteData(() => call('messages.list', { page: 1, pageSize: PAGE_SIZE }));
  const markRead = useAction(async (id?: string) => {
    await call('messages.read', id ? { ids: [id] } : { all: true });
    await remote.reload();
  });
  return { ...remote, markRead };
}

/** The unread count alone (the entry on 我的); null until known or when it could not be read. */
export function useUnreadMessages(): number | null {
  const remote = useRemoteData(() => call('messages.list', { page: 1, pageSize: 1 }));
  return remote.data?.unreadCount ?? null;
}
