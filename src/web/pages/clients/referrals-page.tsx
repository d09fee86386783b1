import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ProgramMatches } from './program-matches.tsx';
import { Link, useLocation, useSearchParams } from 'react-router';
import { getService, searchServices, type ConsentCategory, type ServiceSummary } from '../../api.ts';
import { findSpecialists, listClientReferrals, sendReferral, type Referral } from '../../api-referrals.ts';
import type { Specialist } from '../../../domain/referrals/referral.ts';
import { roleKey } from '../account-page.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { TextAreaField, TextField, useForm } from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { formatDateTime } from './case-text.ts';
import type { StaffConsentMethod } from './client-text.ts';
import { HandoffConsentFields, handoffConsentProblems } from './consents-section.tsx';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';
import { StatusLine } from '../referrals/referrals-page.tsx';
import { referralTarget } from '../referrals/referral-text.ts';

export function ClientReferralsPage() {
  return <ClientSubPage section="referrals">{(scope) => <ClientReferrals {...scope} />}</ClientSubPage>;
}

// The client's referrals, where each stands, and a referral to a program in the directory, to a named
// specialist at another agency, or to both (the specialist then works where the program is): the worker
// finds them, the server checks the program's intake and ages and the client's consent before sending.
function ClientReferrals({ client, csrfToken }: ClientScope) {
  const { t, language } = useI18n();
  const id = useId();
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  const list = useApi(`client-referrals|${client.id}|${version}`, (signal) =>
    client.can.readReferrals ? listClientReferrals(client.id, signal) : Promise.resolve(undefined),
  );
  // From a program's recruitment list (?service=): the form opens with that program chosen.
  const [params] = useSearchParams();
  const chosenId = params.get('service') ?? '';
  const chosen = useApi(`referral-program|${chosenId}`, (signal) =>
    chosenId && client.can.sendReferral
      ? getService(chosenId, signal).catch(() => undefined)
      : Promise.resolve(undefined),
  );
  return (
    <>
      {client.can.readReferrals ? (
        <section aria-labelledby={`${id}-title`} aria-busy={list.status === 'loading'}>
          <h2 id={`${id}-title`}>{t('clientReferrals.title')}</h2>
          {notice.element}
          {list.status === 'loading' ? <Loading label={t('referrals.loading')} /> : null}
          {list.status === 'error' ? <SectionProblem error={list.error} title={t('referrals.loadFailed')} /> : null}
          {list.status === 'ready' && list.data?.items.length === 0 ? <p>{t('clientReferrals.none')}</p> : null}
          {list.status === 'ready' && list.data && list.data.items.length > 0 ? (
            <StackedTable>
              <caption className="visually-hidden">{t('clientReferrals.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('referrals.col.to')}</th>
                  <th scope="col">{t('referrals.col.agency')}</th>
                  <th scope="col">{t('referrals.col.status')}</th>
                  <th scope="col">{t('referrals.col.sent')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r: Referral) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/referrals/${r.id}`}>{referralTarget(r, language)}</Link>
                    </th>
                    <td>{r.to.name}</td>
                    <td>
                      <StatusLine referral={r} />
                    </td>
                    <td>{formatDateTime(r.sentAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          ) : null}
        </section>
      ) : null}
      <ProgramMatches client={client} />
      {client.can.sendReferral && chosen.status !== 'loading' ? (
        <ReferForm
          // A program chosen from the list above (?service=) opens the form anew with it.
          key={`refer-${version}-${chosenId}`}
          initial={version === 0 && chosen.status === 'ready' ? chosen.data : undefined}
          clientId={client.id}
          csrfToken={csrfToken}
          onDone={(r) => {
            setVersion((v) => v + 1);
            notice.show(t('clientReferrals.sent', { target: referralTarget(r, language) }));
          }}
        />
      ) : null}
    </>
  );
}

type ProgramChoice = Pick<ServiceSummary, 'id' | 'name' | 'nameFr' | 'organization' | 'intakeState'>;

function ReferForm({
  clientId,
  csrfToken,
  initial,
  onDone,
}: {
  clientId: string;
  csrfToken: string;
  initial?: ProgramChoice | undefined;
  onDone: (referral: Referral) => void;
}) {
  // Chosen from "Programs that fit now" (#refer): the form is where the reader goes next.
  const heading = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  useEffect(() => {
    if (initial && hash === '#refer') {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus();
    }
  }, [initial, hash]);
  const { t, language } = useI18n();
  const id = useId();
  const form = useForm();
  const [words, setWords] = useState('');
  const [found, setFound] = useState<ProgramChoice[] | undefined>(initial ? [initial] : undefined);
  const [searching, setSearching] = useState(false);
  const [serviceId, setServiceId] = useState(initial?.id ?? '');
  const [staffWords, setStaffWords] = useState('');
  const [staff, setStaff] = useState<Specialist[] | undefined>(undefined);
  const [staffSearching, setStaffSearching] = useState(false);
  const [toUserId, setToUserId] = useState('');
  const [note, setNote] = useState('');
  const [categories, setCategories] = useState<ConsentCategory[]>([]);
  const [method, setMethod] = useState<StaffConsentMethod | ''>('');
  const [evidence, setEvidence] = useState('');
  const [busy, setBusy] = useState(false);
  const find = () => {
    if (words.trim().length < 2) {
      form.fail([{ key: 'words', message: t('clientReferrals.error.words'), fields: ['programWords'] }]);
      return;
    }
    setSearching(true);
    searchServices({ q: words.trim(), intake: 'open_soon', perPage: 10 }).then(
      (page) => {
        setSearching(false);
        setFound(page.items);
        setServiceId('');
      },
      (error: unknown) => {
        setSearching(false);
        form.fail(formErrorsOf(error, t));
      },
    );
  };
  // A specialist works where the program is: with a program chosen, only its agency's staff are listed.
  const program = found?.find((p) => p.id === serviceId);
  const findStaff = () => {
    if (!program && staffWords.trim().length < 2) {
      form.fail([{ key: 'staffWords', message: t('clientReferrals.error.staffWords'), fields: ['staffWords'] }]);
      return;
    }
    setStaffSearching(true);
    findSpecialists({
      ...(staffWords.trim().length >= 2 ? { q: staffWords.trim() } : {}),
      ...(program ? { organizationId: program.organization.id } : {}),
    }).then(
      (page) => {
        setStaffSearching(false);
        setStaff(page.items);
        setToUserId('');
        form.resolve('staffWords');
      },
      (error: unknown) => {
        setStaffSearching(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: { q: { field: 'staffWords', message: t('clientReferrals.error.staffWords') } },
          }),
        );
      },
    );
  };
  const consentGiven = categories.length > 0 || method !== '' || evidence.trim() !== '';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = [];
    if (serviceId === '' && toUserId === '')
      problems.push({ key: 'service', message: t('clientReferrals.error.service'), fields: ['programWords'] });
    if (consentGiven) problems.push(...handoffConsentProblems({ categories, method, evidence }, t));
    if (problems.length > 0) {
      form.fail(problems);
      return;
    }
    setBusy(true);
    sendReferral(
      clientId,
      {
        ...(serviceId ? { serviceId } : {}),
        ...(toUserId ? { toUserId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(consentGiven && method !== '' ? { consent: { categories, method, evidence: evidence.trim() } } : {}),
      },
      csrfToken,
    ).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail(
        formErrorsOf(error, t, {
          fields: {
            serviceId: { field: 'programWords', message: t('clientReferrals.error.service') },
            toUserId: { field: 'staffWords', message: t('clientReferrals.error.specialist') },
            consent: { field: 'category-identity_contact', message: t('clientReferrals.error.consent') },
          },
          conflict: t('clientReferrals.error.open'),
        }),
      );
    });
  };
  return (
    <section className="editor" aria-labelledby={`${id}-title`} id="refer">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('clientReferrals.referTitle')}
      </h2>
      <p>{t('clientReferrals.referLead')}</p>
      {form.summary}
      <form onSubmit={submit} noValidate aria-busy={busy || searching || staffSearching}>
        <TextField
          form={form}
          name="programWords"
          label={t('clientReferrals.words')}
          hint={t('clientReferrals.wordsHint')}
          value={words}
          onChange={setWords}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              find();
            }
          }}
        />
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={find} disabled={searching}>
            {t('clientReferrals.find')}
          </button>
        </div>
        {found !== undefined ? (
          <fieldset className="radio-group" aria-live="polite">
            <legend>{t('clientReferrals.choose', { count: found.length })}</legend>
            {found.length === 0 ? <p>{t('clientReferrals.noneFound')}</p> : null}
            {found.map((s) => {
              const name = language === 'fr' && s.nameFr ? s.nameFr : s.name;
              return (
                <div className="field-check" key={s.id}>
                  <input
                    id={`${id}-${s.id}`}
                    type="radio"
                    name="serviceId"
                    checked={serviceId === s.id}
                    onChange={() => {
                      setServiceId(s.id);
                      // A specialist found for another agency cannot take this program's referral.
                      if (staff && staff.some((p) => p.id === toUserId && p.organization.id !== s.organization.id)) {
                        setToUserId('');
                        setStaff(undefined);
                      }
                      form.resolve('programWords');
                    }}
                  />
                  <label htmlFor={`${id}-${s.id}`}>
                    {t('clientReferrals.option', {
                      name,
                      organization: s.organization.name,
                      intake: t(`intakeState.${s.intakeState}` as MessageKey),
                    })}
                  </label>
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <fieldset className="row-group">
          <legend>{t('clientReferrals.specialistLegend')}</legend>
          <p className="field-hint">
            {program
              ? t('clientReferrals.specialistAtProgram', { organization: program.organization.name })
              : t('clientReferrals.specialistHint')}
          </p>
          <TextField
            form={form}
            name="staffWords"
            label={t('clientReferrals.staffWords')}
            value={staffWords}
            onChange={setStaffWords}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                findStaff();
              }
            }}
          />
          <div className="form-actions">
            <button type="button" className="button-secondary" onClick={findStaff} disabled={staffSearching}>
              {t('clientReferrals.findStaff')}
            </button>
          </div>
          {staff !== undefined ? (
            <fieldset className="radio-group" aria-live="polite">
              <legend>{t('clientReferrals.chooseStaff', { count: staff.length })}</legend>
              <div className="field-check">
                <input
                  id={`${id}-nobody`}
                  type="radio"
                  name="toUserId"
                  checked={toUserId === ''}
                  onChange={() => setToUserId('')}
                />
                <label htmlFor={`${id}-nobody`}>{t('clientReferrals.nobody')}</label>
              </div>
              {staff.map((p) => (
                <div className="field-check" key={p.id}>
                  <input
                    id={`${id}-${p.id}`}
                    type="radio"
                    name="toUserId"
                    checked={toUserId === p.id}
                    onChange={() => {
                      setToUserId(p.id);
                      form.resolve('programWords');
                    }}
                  />
                  <label htmlFor={`${id}-${p.id}`}>
                    {t('clientReferrals.staffOption', {
                      name: p.name,
                      roles: p.roles.map((r) => t(roleKey(r))).join(', '),
                      organization:
                        language === 'fr' && p.organization.nameFr ? p.organization.nameFr : p.organization.name,
                    })}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
        </fieldset>
        <TextAreaField
          form={form}
          name="referralNote"
          label={t('clientReferrals.note')}
          hint={t('clientReferrals.noteHint')}
          value={note}
          onChange={setNote}
          maxLength={2000}
          rows={3}
        />
        <HandoffConsentFields
          form={form}
          legend={t('clientReferrals.consentLegend')}
          hint={t('clientReferrals.consentHint')}
          categories={categories}
          onCategories={setCategories}
          method={method}
          onMethod={setMethod}
          evidence={evidence}
          onEvidence={setEvidence}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('clientReferrals.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
