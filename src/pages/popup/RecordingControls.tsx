import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ExportTimestamp } from '../../core/evidence/timestamp/export-timestamp';
import { shortText } from '../../core/formats/safe-text';
import type { SessionView } from '../../core/recording/session';
import { phrase } from '../../core/wording/phrase';
import { dateTimeText, phraseParts, t } from '../shared/i18n';
import type { ExportedBundle, RecordingApi } from '../shared/recording-api';
import { Worded } from '../shared/Worded';

const POLL_MS = 1500;

/** Start and stop a recorded session, and export its signed evidence bundle. */
export function RecordingControls({ api }: { api: RecordingApi }) {
  const [session, setSession] = useState<SessionView | null>(null);
  const [message, setMessage] = useState('');
  // After an export: its trusted time or why it has none, and the command that checks the file, with the
  // key it must have been signed with.
  const [exported, setExported] = useState<ExportedBundle | null>(null);
  const [busy, setBusy] = useState(false);
  const [caseName, setCaseName] = useState('');
  const [auditorName, setAuditorName] = useState('');
  const [notes, setNotes] = useState('');
  // Never remembered: each export that keeps the credentials is asked for anew.
  const [includeSecrets, setIncludeSecrets] = useState(false);
  // Open while recording; after that, as the user leaves it (stopping must not hide the export button).
  const [open, setOpen] = useState(false);

  const refresh = useCallback(
    () =>
      api.status().then(
        (status) => {
          setSession(status.session);
          if (status.session?.status === 'recording' || status.session?.status === 'paused') setOpen(true);
        },
        (error: unknown) => setMessage(t('recording_problem', String(error))),
      ),
    [api],
  );
  const running = session?.status === 'recording' || session?.status === 'paused';
  useEffect(() => {
    void refresh();
    if (!running) return;
    // The chained count grows while the page works.
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, running]);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setMessage(t('recording_problem', String(error)));
    } finally {
      setBusy(false);
    }
  };
  const start = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const result = await api.start({ caseName, auditorName, notes });
      if ('problems' in result) return setMessage(t('recording_problem', result.problems.join(' ')));
      setSession(result.status.session);
      setMessage('');
    });
  };
  const stop = () => act(async () => setSession((await api.stop()).session));
  const exportBundle = (id: string) =>
    act(async () => {
      setExported(null);
      setMessage(t('recording_exporting'));
      const saved = await api.exportBundle(id, { includeSecrets });
      setMessage(t('recording_exported', saved.fileName));
      setExported(saved);
    });

  return (
    <details
      class="recording"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="recording"
    >
      {/* The state is in the summary, so it shows with the controls folded. */}
      <summary>
        {t('recording_heading')}
        {session && (
          <span data-testid="recording-state">
            {' — '}
            {t(stateKey(session.status), shortText(session.caseName, 60), session.chained)}
          </span>
        )}
      </summary>
      {session?.incomplete && (
        <p role="alert" class="problem" data-testid="evidence-incomplete">
          {t('evidence_incomplete', shortText(session.incompleteReason ?? session.lastWarning ?? '', 200))}
        </p>
      )}
      {running && session?.chained === 0 && (
        <p class="note" data-testid="recording-hint">
          {t('recording_reload_hint')}
        </p>
      )}
      {running ? (
        <button type="button" disabled={busy} onClick={stop} data-testid="stop-recording">
          {t('recording_stop')}
        </button>
      ) : (
        <form onSubmit={start}>
          <p>{t('recording_help')}</p>
          <label>
            {t('recording_case')}
            <input
              value={caseName}
              maxLength={200}
              required
              onInput={(e) => setCaseName(e.currentTarget.value)}
              data-testid="recording-case"
            />
          </label>
          <label>
            {t('recording_auditor')}
            <input
              value={auditorName}
              maxLength={200}
              required
              onInput={(e) => setAuditorName(e.currentTarget.value)}
              data-testid="recording-auditor"
            />
          </label>
          <label>
            {t('recording_notes')}
            <textarea
              value={notes}
              maxLength={5000}
              rows={2}
              onInput={(e) => setNotes(e.currentTarget.value)}
              data-testid="recording-notes"
            />
          </label>
          <button type="submit" disabled={busy} data-testid="start-recording">
            {t('recording_start')}
          </button>
        </form>
      )}
      {session && (
        <>
          <label>
            <input
              type="checkbox"
              checked={includeSecrets}
              onChange={(e) => setIncludeSecrets(e.currentTarget.checked)}
              data-testid="include-secrets"
            />
            {t('recording_include_secrets')}
          </label>
          {includeSecrets ? (
            <p role="alert" class="problem" data-testid="secrets-warning">
              {t('recording_secrets_warning')}
            </p>
          ) : (
            <p data-testid="secrets-redacted">{t('recording_secrets_redacted')}</p>
          )}
          <button
            type="button"
            disabled={busy}
            onClick={() => exportBundle(session.id)}
            data-testid="export-evidence"
          >
            {t('recording_export')}
          </button>
        </>
      )}
      <p role="status" data-testid="recording-status">
        {message}
      </p>
      {exported && (
        <p
          // A stamp that was asked for and not made is a problem; a setting left off is not.
          class={['failed', 'no-access'].includes(exported.timestamp.status) ? 'problem' : undefined}
          data-testid="export-timestamp"
          data-status={exported.timestamp.status}
        >
          <TimestampOutcome timestamp={exported.timestamp} />
        </p>
      )}
      {exported && (
        <p data-testid="verify-hint">
          {t('recording_verify_hint')}{' '}
          <code translate={false}>
            npx jeejio-privacy-inspector verify {exported.fileName} --fingerprint {exported.keyFingerprint}
            {exported.timestamp.status === 'stamped' && ' --tsa-cert TSA-CA.pem'}
          </code>
        </p>
      )}
    </details>
  );
}

/** Whether the bundle just saved carries a trusted time: the TSA's name and time, or why not. */
function TimestampOutcome({ timestamp }: { timestamp: ExportTimestamp }) {
  switch (timestamp.status) {
    case 'stamped':
      return (
        <Worded
          parts={phraseParts(phrase('recording_timestamped', timestamp.tsa, dateTimeText(timestamp.time)))}
        />
      );
    case 'failed':
      return (
        <Worded parts={phraseParts(phrase('recording_not_timestamped', timestamp.reason))} maxData={400} />
      );
    case 'no-access':
      return <Worded parts={phraseParts(phrase('recording_timestamp_no_access', timestamp.host))} />;
    case 'off':
      return <>{t('recording_timestamps_off')}</>;
  }
}

function stateKey(status: string): 'recording_active' | 'recording_paused' | 'recording_stopped' {
  if (status === 'recording') return 'recording_active';
  return status === 'paused' ? 'recording_paused' : 'recording_stopped';
}
