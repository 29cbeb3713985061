import { useAllNetworks } from '../../../api/lists';
import { useSession } from '../../../auth/session';
import { useAgencyDirectory } from '../../../casework/api';

/** The networks of the coordinator's agency, and the agencies of each. */
export function useMyNetworks() {
  const session = useSession().data;
  const enabled = Boolean(session?.abilities.coordinateNetwork);
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
