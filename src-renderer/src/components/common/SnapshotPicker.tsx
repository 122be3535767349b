import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSnapshots } from '../../stores/context';
import { formatDateTime } from '../format';

export interface SnapshotOption {
  id: string;
  label: string;
}

/** Lists the workspace's snapshots and the verified files opened read-only, newest first. */
export function useSnapshotOptions(): SnapshotOption[] {
  const { t, i18n } = useTranslation();
  const status = useSnapshots((state) => state.status);
  const snapshots = useSnapshots((state) => state.snapshots);
  const opened = useSnapshots((state) => state.opened);
  const load = useSnapshots((state) => state.load);

  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);

  const fromFiles = opened.flatMap((file) =>
    file.snapshotId === null
      ? []
      : [{ id: file.snapshotId, label: file.demo ? t('picker.demo') : t('picker.file', { name: file.path.split(/[\\/]/).pop() ?? file.path }) }]
  );
  const fromWorkspace = snapshots.map((snapshot) => ({
    id: snapshot.id,
    label: `${formatDateTime(snapshot.createdAt, i18n.language)} · ${t(`snapshots.origin.${snapshot.origin}`)} · ${snapshot.id.slice(0, 12)}`
  }));
  return [...fromFiles, ...fromWorkspace.filter((option) => !fromFiles.some((file) => file.id === option.id))];
}

/** Renders a labelled drop-down of snapshots. An empty value means none is chosen. */
export function SnapshotPicker({
  label,
  value,
  onChange,
  options,
  allowNone
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  options: SnapshotOption[];
  allowNone?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="picker">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}>
        <option value="">{allowNone ?? t('picker.choose')}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
