import { useId, useState, type FormEvent } from 'react';
import {
  addTeamMember,
  listTeam,
  listTeamCandidates,
  removeTeamMember,
  type Member,
  type TeamRole,
} from '../../api-case.ts';
import { listUsers, type User } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SelectField, useForm, type FormError } from '../../components/form.tsx';
import { caseTeamRoles } from '../../../access/roles.ts';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey, formatDateTime, teamRoles } from './case-text.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';

export function TeamPage() {
  return <ClientSubPage section="team">{(scope) => <Team {...scope} />}</ClientSubPage>;
}

// The people working with the client, from every agency; membership is itself sensitive, so only the
// team, the holding agency, the client and the ombudsperson see it (docs/permissions.md 3.9).
function Team({ client, user, csrfToken }: ClientScope) {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const [confirming, setConfirming] = useState<Member | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const notice = useNotice();
  const team = useApi(`team|${client.id}|${version}`, (signal) => listTeam(client.id, signal));
  const members = team.status === 'ready' ? team.data.items : [];
  const active = members.filter((m) => m.removedAt === null);
  const former = members.filter((m) => m.removedAt !== null);
  // Anyone leaves; the holding agency's managers, counsellors and caseworkers remove others.
  const mayRemove = (m: Member) => (m.userId === user.id ? client.can.leaveTeam : client.can.removeTeamMembers);

  const remove = (member: Member) => {
    setBusy(true);
    setFailure('');
    removeTeamMember(client.id, member.id, csrfToken).then(
      () => {
        setBusy(false);
        setConfirming(undefined);
        setVersion((v) => v + 1);
        notice.show(member.userId === user.id ? t('team.left') : t('team.removed', { name: member.displayName }));
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(
          formErrorsOf(error, t, { forbidden: t('team.error.removeForbidden') })[0]?.message ?? t('error.generic'),
        );
      },
    );
  };

  return (
    <>
      <section aria-labelledby="team-title" aria-busy={team.status === 'loading'}>
        <h2 id="team-title">{t('team.title')}</h2>
        <p>{t('team.lead')}</p>
        {notice.element}
        {team.status === 'loading' ? <Loading label={t('team.loading')} /> : null}
        {team.status === 'error' ? <SectionProblem error={team.error} title={t('team.loadFailed')} /> : null}
        {team.status === 'ready' && active.length === 0 ? <p>{t('team.none')}</p> : null}
        {active.length > 0 ? (
          <div className="table-scroll" role="region" aria-labelledby="team-caption" tabIndex={0}>
            <StackedTable>
              <caption id="team-caption">{t('team.caption', { count: active.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('team.member')}</th>
                  <th scope="col">{t('team.organization')}</th>
                  <th scope="col">{t('team.role')}</th>
                  <th scope="col">{t('team.since')}</th>
                  <th scope="col">{t('admin.users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {active.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.displayName}</th>
                    <td>{m.organizationName}</td>
                    <td>{t(caseKey.teamRole(m.teamRole))}</td>
                    <td>{formatDateTime(m.addedAt, language)}</td>
                    <td>
                      {mayRemove(m) ? (
                        <button type="button" className="button-secondary" onClick={() => setConfirming(m)}>
                          {m.userId === user.id ? t('team.leave') : t('team.remove', { name: m.displayName })}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          </div>
        ) : null}
        {confirming ? (
          <div className="confirm" role="group" aria-labelledby="team-confirm">
            <p id="team-confirm">
              {confirming.userId === user.id
                ? t('team.confirmLeave')
                : t('team.confirmRemove', { name: confirming.displayName })}
            </p>
            {failure ? <p className="field-error">{failure}</p> : null}
            <div className="form-actions">
              <button type="button" className="button button-danger" disabled={busy} onClick={() => remove(confirming)}>
                {confirming.userId === user.id ? t('team.leave') : t('team.confirm')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setConfirming(undefined)}>
                {t('account.cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {former.length > 0 ? (
          <>
            <h3>{t('team.former')}</h3>
            <div className="table-scroll" role="region" aria-labelledby="former-caption" tabIndex={0}>
              <StackedTable>
                <caption id="former-caption">{t('team.formerCaption', { count: former.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('team.member')}</th>
                    <th scope="col">{t('team.organization')}</th>
                    <th scope="col">{t('team.role')}</th>
                    <th scope="col">{t('team.period')}</th>
                    <th scope="col">{t('team.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {former.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{m.displayName}</th>
                      <td>{m.organizationName}</td>
                      <td>{t(caseKey.teamRole(m.teamRole))}</td>
                      <td>
                        {t('team.fromTo', {
                          from: formatDateTime(m.addedAt, language),
                          to: formatDateTime(m.removedAt ?? '', language),
                        })}
                      </td>
                      <td>{m.removalReason ? t(caseKey.removal(m.removalReason)) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </StackedTable>
            </div>
          </>
        ) : null}
      </section>
      {client.can.addTeamMember && team.status === 'ready' ? (
        <AddMemberForm
          key={`add-${version}`}
          clientId={client.id}
          user={user}
          csrfToken={csrfToken}
          exclude={active.map((m) => m.userId)}
          onDone={(m) => {
            setVersion((v) => v + 1);
            notice.show(t('team.added', { name: m.displayName }));
          }}
        />
      ) : null}
    </>
  );
}

// Colleagues of the caller's organization who may sit on a case team (the roles the server accepts
// there). Managers see their whole agency; anyone else's list of users holds only themself
// (docs/permissions.md 3.2).
// The agency's staff who work with clients: active ones by default; `any` adds those invited and those
// who have left (a leaving worker's caseload is handed over after their account is disabled).
export function useColleagues(user: User, status: 'active' | 'any' = 'active') {
  return useApi(`colleagues|${user.organizationId}|${user.id}|${status}`, async (signal) => {
    const { items } = await listUsers({ ...(status === 'active' ? { status } : {}), perPage: 100 }, signal);
    return items.filter(
      (u) => u.organizationId === user.organizationId && u.roles.some((r) => caseTeamRoles.includes(r)),
    );
  });
}

function AddMemberForm({
  clientId,
  user,
  csrfToken,
  exclude,
  onDone,
}: {
  clientId: string;
  user: User;
  csrfToken: string;
  exclude: string[];
  onDone: (member: Member) => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const id = useId();
  // The server offers whom the client's file allows: the agency's own staff, and staff of agencies
  // named in an active consent (with their agency's name, so the worker sees whom they share with).
  const candidates = useApi(`team-candidates|${clientId}|${exclude.join(',')}`, (signal) =>
    listTeamCandidates(clientId, signal),
  );
  const [userId, setUserId] = useState('');
  const [teamRole, setTeamRole] = useState<TeamRole | ''>('');
  const [busy, setBusy] = useState(false);
  const choices = candidates.status === 'ready' ? candidates.data.items.filter((c) => !exclude.includes(c.userId)) : [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (userId === '') problems.push({ key: 'userId', message: t('team.error.person'), fields: ['userId'] });
    if (teamRole === '') problems.push({ key: 'teamRole', message: t('team.error.role'), fields: ['teamRole'] });
    if (problems.length > 0 || teamRole === '') {
      form.fail(problems);
      return;
    }
    setBusy(true);
    addTeamMember(clientId, { userId, teamRole }, csrfToken).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail(
        formErrorsOf(error, t, {
          fields: { userId: { field: 'userId', message: t('team.error.person') } },
          conflict: t('team.error.already'),
        }),
      );
    });
  };

  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('team.addTitle')}</h2>
      <p>{t('team.addLead')}</p>
      {candidates.status === 'error' ? (
        <SectionProblem error={candidates.error} title={t('team.candidatesFailed')} />
      ) : null}
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy || candidates.status === 'loading'}>
        <SelectField
          form={form}
          name="userId"
          label={t('team.person')}
          value={userId}
          placeholder={t('intake.choose')}
          onChange={setUserId}
          choices={choices.map((c) => ({
            value: c.userId,
            label:
              c.userId === user.id
                ? t('team.you', { name: c.displayName })
                : c.throughConsent
                  ? t('team.candidateElsewhere', { name: c.displayName, organization: c.organizationName })
                  : c.displayName,
          }))}
        />
        <SelectField
          form={form}
          name="teamRole"
          label={t('team.role')}
          value={teamRole}
          placeholder={t('intake.choose')}
          onChange={(v) => setTeamRole(teamRoles.find((r) => r === v) ?? '')}
          choices={teamRoles.map((r) => ({ value: r, label: t(caseKey.teamRole(r)) }))}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('team.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
