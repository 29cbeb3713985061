import { routes } from '@tandem/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

/** The signed-in user's calendar feed: whether it is in force (its URL is only ever shown once). */
export const calendarFeedKeys = { status: ['calendar-feed'] as const };

export function useCalendarFeed() {
  return useQuery({ queryKey: calendarFeedKeys.status, queryFn: () => call(routes.calendarFeed.status) });
}

/** Makes a new feed URL (an earlier one stops working) — or, with `revoke`, ends it. */
export function useCalendarFeedChange() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarFeedKeys.status });
  return {
    create: useMutation({ mutationFn: () => call(routes.calendarFeed.create), onSuccess: refresh }),
    revoke: useMutation({ mutationFn: () => call(routes.calendarFeed.revoke), onSuccess: refresh }),
  };
}
