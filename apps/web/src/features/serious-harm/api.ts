import { routes } from '@tandem/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type BodyOf, call } from '../../api/client';
import { type Period, periodQuery } from '../../components/PeriodFields';
import { useRefreshCasework } from '../cases/api';

/** Query keys of the shares made without her consent where someone is at risk of serious harm. */
export const seriousHarmKeys = {
  all: ['serious-harm'] as const,
  ofHer: (personId: string) => ['serious-harm', 'her', personId] as const,
  received: ['serious-harm', 'received'] as const,
  review: ['serious-harm', 'review'] as const,
  statistics: (networkId: string, from?: string, to?: string) =>
    ['serious-harm', 'statistics', networkId, from ?? '', to ?? ''] as const,
};

export function useSharesOfHer(personId: string) {
  return useQuery({
    queryKey: seriousHarmKeys.ofHer(personId),
    queryFn: () => call(routes.seriousHarm.listOfHer, { params: { id: personId } }),
    retry: false,
  });
}

/** After any change of a share: her file's list, the home page's work items, the review list. */
function useRefresh() {
  const refresh = useRefreshCasework();
  return () => refresh(seriousHarmKeys.all);
}

export function useProposeShare(personId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.seriousHarm.propose>) =>
      call(routes.seriousHarm.propose, { params: { id: personId }, body }),
    onSuccess: refresh,
  });
}

export function useDecideShare(shareId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.seriousHarm.decide>) =>
      call(routes.seriousHarm.decide, { params: { id: shareId }, body }),
    onSuccess: refresh,
  });
}

export function useRecordTelling(shareId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.seriousHarm.recordTelling>) =>
      call(routes.seriousHarm.recordTelling, { params: { id: shareId }, body }),
    onSuccess: refresh,
  });
}

export function useReceivedShares() {
  return useQuery({
    queryKey: seriousHarmKeys.received,
    queryFn: () => call(routes.seriousHarm.received),
    retry: false,
  });
}

export function useReviewList(enabled: boolean) {
  return useQuery({
    queryKey: seriousHarmKeys.review,
    queryFn: () => call(routes.seriousHarm.reviewList),
    enabled,
    retry: false,
  });
}

export function useReviewShare(shareId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.seriousHarm.review>) =>
      call(routes.seriousHarm.review, { params: { id: shareId }, body }),
    onSuccess: refresh,
  });
}

export function useSeriousHarmStatistics(networkId: string, period: Period) {
  return useQuery({
    queryKey: seriousHarmKeys.statistics(networkId, period.from, period.to),
    queryFn: () =>
      call(routes.seriousHarm.statistics, {
        params: { id: networkId },
        query: periodQuery(period),
      }),
    retry: false,
  });
}

/** `iso` (YYYY-MM-DD) moved by `days` calendar days. */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}
