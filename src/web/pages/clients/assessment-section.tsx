import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  ApiError,
  assessClient,
  listAssessments,
  overrideAssessment,
  problemFields,
  type Assessment,
  type ClientView,
  type Stream,
  type User,
} from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { SelectField, TextAreaField, useForm, type FormError } from '../../components/form.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { barrierKinds, formatDate, key, streams } from './client-text.ts';
import { Details } from './record-details.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';

const kindKey = {
  initial: 'assessment.kind.initial',
  reassessment: 'assessment.kind.reassessment',
  override: 'assessment.kind.override',
} as const satisfies Record<Assessment['kind'], MessageKey>;

type T = ReturnType<typeof useI18n>['t'];

function failure(
  error: unknown,
  t: T,
  fieldOf: (field: string) => string | undefined,
  messages: Record<string, string>,
): FormError[] {
  if (error instanceof ApiError && error.kind === 'network')
    return [{ key: 'network', message: t('error.network'), fields: [] }];
  if (error instanceof ApiError && error.code === 'forbidden')
    return [{ key: 'forbidden', message: messages.forbidden ?? t('assessment.error.forbidden'), fields: [] }];
  if (error instanceof ApiError && error.code === 'conflict')
    return [{ key: 'conflict', message: t('assessment.error.newer'), fields: [] }];
  const placed = problemFields(error)
    .map((f, i) => {
      const field = fieldOf(f.field);
      return field ? { key: `f${i}`, message: messages[field] ?? t('error.invalid'), fields: [field] } : undefined;
    })
    .filter((e): e is FormError => e !== undefined);
  if (placed.length > 0) return placed;
  if (error instanceof ApiError && error.code === 'invalid')
    return [{ key: 'invalid', message: t('assessment.error.record'), fields: [] }];
  return [{ key: 'generic', message: t('error.generic'), fields: [] }];
}

// The Common Assessment of a client: the stream in force and what it means, every factor with its
// points and the sentence the client is given, the whole history, and (for the holding agency) the
// forms to reassess and, for a manager, to override with a justification.
export function AssessmentSection({ client, user, csrfToken }: { client: ClientView; user: User; csrfToken: string }) {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState('');
  const history = useApi(`assessments|${client.id}|${version}`, (signal) => listAssessments(client.id, signal));
  const streamBox = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const mayAssess = client.can.createAssessment;
  const mayOverride = client.can.overrideAssessment;
  const items = history.status === 'ready' ? history.data.items : [];
  const current = items[0];

  // After an assessment or override the result takes focus, so the new stream is what is read next.
  useEffect(() => {
    if (history.status !== 'ready' || !focusPending.current) return;
    focusPending.current = false;
    streamBox.current?.focus();
  }, [history.status]);

  const changed = (message: string) => {
    setNotice(message);
    focusPending.current = true;
    setVersion((v) => v + 1);
  };

  const inputs = client.assessment;
  const recorded = barrierKinds.flatMap((kind) => inputs?.barriers.filter((b) => b.kind === kind) ?? []);

  return (
    <section aria-labelledby="assessment-title" className="assessment">
      <h2 id="assessment-title">{t('assessment.title')}</h2>
      {inputs ? (
        <Details
          rows={[
            [t('intake.incomeSource'), t(key.income(inputs.incomeSource))],
            [
              t('intake.group.barriers'),
              recorded.length === 0
                ? t('intake.notGiven')
                : recorded.map((b) => `${t(key.barrier(b.kind))} (${t(key.barrierStatus(b.status))})`).join(', '),
            ],
          ]}
        />
      ) : null}
      <div aria-busy={history.status === 'loading'}>
        {history.status === 'loading' ? <Loading label={t('assessment.loading')} /> : null}
        {history.status === 'error' ? <ErrorAlert title={t('assessment.loadFailed')} error={history.error} /> : null}
        {history.status === 'ready' && !current ? <p className="lead">{t('assessment.none')}</p> : null}
        {current ? (
          <>
            <div
              className={`stream-box stream-${current.stream}`}
              ref={streamBox}
              tabIndex={-1}
              role="group"
              aria-labelledby="stream-label"
            >
              <p id="stream-label" className="stream-label">
                {t('assessment.streamInForce')}
              </p>
              <p id="stream-value" className="stream-value">
                {t(key.stream(current.stream))}
              </p>
              <p className="stream-meaning">{t(key.streamMeaning(current.stream))}</p>
              <p>
                {current.kind === 'override'
                  ? t('assessment.setByOverride', {
                      date: formatDate(current.assessedOn, language),
                      computed: t(key.stream(current.computedStream)),
                    })
                  : t('assessment.computedOn', {
                      date: formatDate(current.assessedOn, language),
                      model: current.modelVersion,
                    })}
              </p>
            </div>
            {current.kind === 'override' && current.justification ? (
              <>
                <h3>{t('assessment.justification')}</h3>
                <blockquote className="justification">{current.justification}</blockquote>
              </>
            ) : null}
            <Reasons assessment={current} />
            <FactorTable assessment={current} />
            <History items={items} />
          </>
        ) : null}
      </div>
      <p role="status" className="notice" hidden={notice === ''}>
        {notice}
      </p>
      {mayAssess && history.status === 'ready' ? (
        <AssessForm
          key={`assess-${version}`}
          clientId={client.id}
          first={!current}
          csrfToken={csrfToken}
          onDone={changed}
        />
      ) : null}
      {mayOverride && current ? (
        current.assessedBy === user.id ? (
          <p className="field-hint">{t('assessment.override.ownAssessment')}</p>
        ) : (
          <OverrideForm
            key={`override-${version}`}
            clientId={client.id}
            current={current}
            csrfToken={csrfToken}
            onDone={changed}
          />
        )
      ) : null}
    </section>
  );
}

function Reasons({ assessment }: { assessment: Assessment }) {
  const { t, language } = useI18n();
  const { result } = assessment;
  const applying = result.factors.filter((f) => f.applies);
  return (
    <>
      <h3>{t('assessment.why')}</h3>
      {applying.length === 0 ? (
        <p>{t('assessment.noFactor')}</p>
      ) : (
        <ul className="reasons">
          {applying.map((f) => (
            <li key={f.code}>{f.plain[language]}</li>
          ))}
        </ul>
      )}
      <p>{t('assessment.threshold', { score: result.score, b: result.thresholds.B, c: result.thresholds.C })}</p>
    </>
  );
}

function FactorTable({ assessment }: { assessment: Assessment }) {
  const { t, language } = useI18n();
  const { result } = assessment;
  const id = useId();
  return (
    <>
      <h3>{t('assessment.factors')}</h3>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="data-table factor-table">
          <caption id={`${id}-caption`}>
            {t('assessment.factorsCaption', {
              model: result.modelVersion,
              date: formatDate(result.assessedOn, language),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.factor')}</th>
              <th scope="col">{t('assessment.applies')}</th>
              <th scope="col" className="numeric">
                {t('assessment.points')}
              </th>
              <th scope="col">{t('assessment.plain')}</th>
              <th scope="col">{t('assessment.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {result.factors.map((f) => (
              <tr key={f.code} className={f.applies ? 'applies' : undefined}>
                <th scope="row">{f.label[language]}</th>
                <td>{f.applies ? t('common.yes') : t('common.no')}</td>
                <td className="numeric">{f.points}</td>
                <td>{f.plain[language]}</td>
                <td lang="en">{f.evidence}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('assessment.score')}</th>
              <td />
              <td className="numeric">{result.score}</td>
              <td colSpan={2}>{t(key.stream(result.stream))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

function History({ items }: { items: Assessment[] }) {
  const { t, language } = useI18n();
  const id = useId();
  return (
    <>
      <h3>{t('assessment.history')}</h3>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <StackedTable>
          <caption id={`${id}-caption`}>{t('assessment.historyCaption', { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.date')}</th>
              <th scope="col">{t('assessment.kind')}</th>
              <th scope="col">{t('assessment.stream')}</th>
              <th scope="col" className="numeric">
                {t('assessment.score')}
              </th>
              <th scope="col">{t('assessment.reasonOrJustification')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <time dateTime={a.createdAt}>{formatDate(a.assessedOn, language)}</time>
                </th>
                <td>{t(kindKey[a.kind])}</td>
                <td>
                  {a.previousStream && a.previousStream !== a.stream
                    ? t('assessment.streamChange', {
                        from: t(key.stream(a.previousStream)),
                        to: t(key.stream(a.stream)),
                      })
                    : t(key.stream(a.stream))}
                  {a.kind === 'override' ? (
                    <span className="muted">
                      {' '}
                      {t('assessment.modelSaid', { stream: t(key.stream(a.computedStream)) })}
                    </span>
                  ) : null}
                </td>
                <td className="numeric">{a.score}</td>
                <td>{a.justification ?? a.reason ?? t('assessment.noReason')}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      </div>
    </>
  );
}

function AssessForm({
  clientId,
  first,
  csrfToken,
  onDone,
}: {
  clientId: string;
  first: boolean;
  csrfToken: string;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!first && reason.trim() === '') {
      form.fail([{ key: 'reason', message: t('assessment.error.reason'), fields: ['reason'] }]);
      return;
    }
    setBusy(true);
    assessClient(clientId, first ? {} : { reason: reason.trim() }, csrfToken).then(
      (saved) => onDone(t('assessment.assessed', { stream: t(key.stream(saved.stream)) })),
      (error: unknown) => {
        setBusy(false);
        form.fail(
          failure(error, t, (f) => (f === 'reason' ? 'reason' : undefined), { reason: t('assessment.error.reason') }),
        );
      },
    );
  };
  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{first ? t('assessment.assessTitle') : t('assessment.reassessTitle')}</h3>
      <p>{first ? t('assessment.assessLead') : t('assessment.reassessLead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        {first ? null : (
          <TextAreaField
            form={form}
            name="reason"
            label={t('assessment.reason')}
            hint={t('assessment.reasonHint')}
            value={reason}
            onChange={setReason}
            maxLength={2000}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button">
            {first ? t('assessment.assess') : t('assessment.reassess')}
          </button>
        </div>
      </form>
    </section>
  );
}

function OverrideForm({
  clientId,
  current,
  csrfToken,
  onDone,
}: {
  clientId: string;
  current: Assessment;
  csrfToken: string;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const id = useId();
  const [stream, setStream] = useState<Stream | ''>('');
  const [justification, setJustification] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (stream === '') problems.push({ key: 'stream', message: t('assessment.error.stream'), fields: ['stream'] });
    if (justification.trim().length < 20)
      problems.push({ key: 'justification', message: t('assessment.error.justification'), fields: ['justification'] });
    if (problems.length > 0 || stream === '') {
      form.fail(problems);
      return;
    }
    setBusy(true);
    overrideAssessment(clientId, current.id, { stream, justification: justification.trim() }, csrfToken).then(
      (saved) => onDone(t('assessment.overridden', { stream: t(key.stream(saved.stream)) })),
      (error: unknown) => {
        setBusy(false);
        form.fail(
          failure(error, t, (f) => (f === 'stream' || f === 'justification' ? f : undefined), {
            stream: t('assessment.error.sameStream'),
            justification: t('assessment.error.justification'),
            forbidden: t('assessment.error.overrideForbidden'),
          }),
        );
      },
    );
  };
  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('assessment.override.title')}</h3>
      <p>{t('assessment.override.lead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <SelectField
          form={form}
          name="stream"
          label={t('assessment.override.stream')}
          value={stream}
          placeholder={t('assessment.override.choose')}
          onChange={(value) => setStream(streams.find((s) => s === value) ?? '')}
          choices={streams.filter((s) => s !== current.stream).map((s) => ({ value: s, label: t(key.stream(s)) }))}
        />
        <TextAreaField
          form={form}
          name="justification"
          label={t('assessment.override.justification')}
          hint={t('assessment.override.justificationHint')}
          value={justification}
          onChange={setJustification}
          maxLength={2000}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('assessment.override.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
