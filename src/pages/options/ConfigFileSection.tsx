import { useState } from 'preact/hooks';
import { InspectorConfigError, MAX_CONFIG_BYTES } from '../../core/config/parse-inspector-config';
import { exportSettingsConfig, importSettingsConfig } from '../../core/config/settings-config';
import { shortText } from '../../core/formats/safe-text';
import type { UserSettings } from '../../core/settings/user-settings';
import { t } from '../shared/i18n';

/**
 * Export and import of inspector.config.json, so a tester's canaries and filter
 * lists reach the command-line audit and back. Both go through the CLI's own
 * parser: an export is always a file the CLI accepts, and an import that it
 * would refuse changes nothing and says why.
 */
export function ConfigFileSection({
  settings,
  onSave,
}: {
  settings: UserSettings;
  onSave: (settings: UserSettings) => Promise<void>;
}) {
  const [message, setMessage] = useState('');

  const exportFile = () => {
    let text: string;
    try {
      text = exportSettingsConfig(settings);
    } catch (error) {
      setMessage(t('config_export_failed', error instanceof Error ? error.message : String(error)));
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'inspector.config.json';
    link.click();
    // The download has its own copy once started; the object URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setMessage(t('config_exported'));
  };

  const importFile = async (file: File) => {
    const name = shortText(file.name, 80);
    if (file.size > MAX_CONFIG_BYTES) {
      setMessage(t('config_invalid', name, `${file.size} bytes; the limit is ${MAX_CONFIG_BYTES}.`));
      return;
    }
    let imported: ReturnType<typeof importSettingsConfig>;
    try {
      imported = importSettingsConfig(await file.text(), settings);
    } catch (error) {
      if (!(error instanceof InspectorConfigError)) throw error;
      setMessage(t('config_invalid', name, error.message));
      return;
    }
    const cliOnly =
      imported.cliOnly.length > 0 ? ` ${t('config_cli_only', imported.cliOnly.join(', '))}` : '';
    if (imported.applied.length === 0) {
      setMessage(`${t('config_import_nothing', name)}${cliOnly}`);
      return;
    }
    await onSave(imported.settings);
    const what = imported.applied
      .map((key) => t(key === 'canaries' ? 'config_what_canaries' : 'config_what_filter_lists'))
      .join(', ');
    setMessage(`${t('config_imported', name, what)}${cliOnly}`);
  };

  return (
    <section aria-labelledby="config-file-heading">
      <h2 id="config-file-heading">{t('config_file_heading')}</h2>
      <p>{t('config_file_help')}</p>
      <p role="status" data-testid="config-file-status">
        {message}
      </p>
      <button type="button" onClick={exportFile} data-testid="config-export">
        {t('config_export')}
      </button>
      <label>
        {t('config_import')}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="config-import"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
    </section>
  );
}
