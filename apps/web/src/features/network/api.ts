import { routes } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useAgencyDirectory, useAllNetworks } from '../../api/directory';
import { type Period, periodQuery } from '../../components/PeriodFields';
import { useSession } from '../auth/session';

/** Query keys of the network's agreements and Phase 1 meetings. */
export const networkKeys = {
  agreements: ['agreements'] as const,
  agreement: (id: string) => ['agreement', id] as const,
  phase1: ['phase1-meetings'] as const,
};

export function useAgreement(id: string | undefined) {
  return useQuery({
    queryKey: networkKeys.agreement(id ?? ''),
    queryFn: () => call(routes.network.getAgreement, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
    retry: false,
  });
}

/** The networks of the coordinator's (or analyst's) agency, and the agencies of each. */
export function useMyNetworks() {
  const session = useSession().data;
  const enabled = Boolean(session?.abilities.coordinateNetwork || session?.abilities.readNetworkStatistics);
  const networks = useAllNetworks(enabled);
  const directory = useAgencyDirectory();
  const mine = directory.byId.get(session?.user.agencyId ?? '')?.networkIds ?? [];
  const list = (networks.data ?? []).filter((n) => mine.includes(n.id));
  const agenciesOf = (networkId: string) =>
    directory.list.filter((a) => a.active && a.networkIds.includes(networkId));
  const networkName = (id: string | null) =>
    id ? ((networks.data ?? []).find((n) => n.id === id)?.name ?? '—') : '—';
  return { list, agenciesOf, networkName, directory, isPending: networks.isPending || directory.isPending };
}

/** How often the programme assessed lower or higher than her service across a network's cases. */
export function useRiskDivergence(networkId: string, period: Period) {
  return useQuery({
    queryKey: ['risk-divergence', networkId, period.from, period.to] as const,
    queryFn: () =>
      call(routes.instruments.riskDivergence, {
        params: { id: networkId },
        query: periodQuery(period),
      }),
    retry: false,
  });
}
