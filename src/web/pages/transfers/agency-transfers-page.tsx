import { useId, useState } from 'react';
import { Link } from 'react-router';
import { listAgencyTransfers, type AgencyTransfer } from '../../api-case.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { notificationsChanged } from '../../components/notification-count.tsx';
import { RequireCan, type StaffPage } from '../../components/require-can.tsx';
import { SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { TransferCard } from '../clients/transfers-page.tsx';

export function AgencyTransfersPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="transfers" body={t('clients.notAllowedBody')}>
      {(scope) => <AgencyTransfers {...scope} />}
    </RequireCan>
  );
}

// The agency's side of every transfer it is party to: the clients coming to it (to accept) and those
// leaving it (to release by the policy's date), each where it stands, with the client's name where the
// agency may see it (the transfer's consent opens it to the receiving agency).
function AgencyTransfers({ user, csrfToken }: StaffPage) {
  const { t } = useI18n();
  useDocumentTitle(t('agencyTransfers.title'));
  const id = useId();
  const [all, setAll] = useState(false);
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  const status = all ? 'all' : 'open';
  const incoming = useApi(`agency-transfers-in|${status}|${version}`, (signal) =>
    listAgencyTransfers('incoming', status, signal),
  );
  const outgoing = useApi(`agency-transfers-out|${status}|${version}`, (signal) =>
    listAgencyTransfers('outgoing', status, signal),
  );
  const changed = (message: string) => {
    setVersion((v) => v + 1);
    notificationsChanged();
    notice.show(message);
  };
  const section = (direction: 'incoming' | 'outgoing', list: typeof incoming) => (
    <section aria-labelledby={`${id}-${direction}`} aria-busy={list.status === 'loading'}>
      <h2 id={`${id}-${direction}`}>{t(`agencyTransfers.${direction}`)}</h2>
      {list.status === 'loading' ? <Loading label={t('agencyTransfers.loading')} /> : null}
      {list.status === 'error' ? <SectionProblem error={list.error} title={t('agencyTransfers.loadFailed')} /> : null}
      {list.status === 'ready' && list.data.items.length === 0 ? (
        <p>{t(direction === 'incoming' ? 'agencyTransfers.noneIncoming' : 'agencyTransfers.noneOutgoing')}</p>
      ) : null}
      {list.status === 'ready' && list.data.items.length > 0 ? (
        <ul className="plain-list transfer-list">
          {list.data.items.map((x) => (
            <li key={x.id}>
              <TransferCard
                transfer={x}
                user={user}
                csrfToken={csrfToken}
                onChanged={(message) => changed(message)}
                about={<ClientLine transfer={x} />}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
  return (
    <>
      <PageHeading>{t('agencyTransfers.title')}</PageHeading>
      <p className="lead">{t('agencyTransfers.lead')}</p>
      {notice.element}
      <div className="form-actions">
        <div className="field-check">
          <input id={`${id}-all`} type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          <label htmlFor={`${id}-all`}>{t('agencyTransfers.showAll')}</label>
        </div>
      </div>
      {section('incoming', incoming)}
      {section('outgoing', outgoing)}
    </>
  );
}

// Who the transfer is about, as far as the agency may see: a link to the file, or "a client".
function ClientLine({ transfer: x }: { transfer: AgencyTransfer }) {
  const { t } = useI18n();
  if (x.clientName === null) return <p className="transfer-client">{t('agencyTransfers.clientHidden')}</p>;
  return (
    <p className="transfer-client">
      <Link to={`/clients/${x.clientId}/transfers`} aria-label={t('agencyTransfers.openFile', { name: x.clientName })}>
        {t('agencyTransfers.client', { name: x.clientName })}
      </Link>
    </p>
  );
}
