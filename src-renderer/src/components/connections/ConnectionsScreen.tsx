import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnections } from '../../stores/context';
import { EmptyPanel, LoadingPanel } from '../common/StatusPanels';
import { ErrorPanel } from '../ErrorPanel';
import { ScreenHeader } from '../common/ScreenHeader';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';

/** Lists connection profiles and opens the form to create or edit one. */
export function ConnectionsScreen() {
  const { t } = useTranslation();
  const status = useConnections((state) => state.status);
  const profiles = useConnections((state) => state.profiles);
  const error = useConnections((state) => state.error);
  const editing = useConnections((state) => state.editing);
  const load = useConnections((state) => state.load);
  const edit = useConnections((state) => state.edit);

  useEffect(() => {
    void load();
  }, [load]);

  const editedProfile = editing === null || editing === 'new' ? null : (profiles.find((profile) => profile.id === editing) ?? null);

  return (
    <section className="screen" aria-labelledby="connections-heading" aria-busy={status === 'loading'}>
      <ScreenHeader id="connections-heading" title={t('connections.heading')} description={t('connections.description')}>
        <button type="button" className="button button--primary" onClick={() => edit('new')} disabled={editing !== null}>
          {t('connections.new')}
        </button>
      </ScreenHeader>

      {editing !== null && <ConnectionForm key={editing} profile={editedProfile} />}
      {(status === 'idle' || status === 'loading') && <LoadingPanel text={t('connections.loading')} />}
      {error !== null && <ErrorPanel title={t('connections.loadFailed')} error={error} onRetry={() => void load()} />}
      {status === 'ready' && profiles.length === 0 && editing === null && (
        <EmptyPanel id="connections-empty" title={t('connections.emptyTitle')}>
          <p>{t('connections.emptyBody')}</p>
          <button type="button" className="button button--primary" onClick={() => edit('new')}>
            {t('connections.new')}
          </button>
        </EmptyPanel>
      )}
      {status === 'ready' && profiles.map((profile) => (editing === profile.id ? null : <ConnectionCard key={profile.id} profile={profile} />))}
    </section>
  );
}
