import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudit, useNavigation } from '../../stores/context';
import { ScreenHeader } from '../common/ScreenHeader';
import { SnapshotPicker, useSnapshotOptions } from '../common/SnapshotPicker';
import { EmptyPanel, LoadingPanel } from '../common/StatusPanels';
import { Tabs } from '../common/Tabs';
import { ErrorPanel } from '../ErrorPanel';
import { AuditSummary } from './AuditSummary';
import { FindingsView } from './FindingsView';
import { TeamsView } from './TeamsView';
import { WhatIfView } from './WhatIfView';
import { ReconcileLauncher } from '../reconcile/ReconcileLauncher';

const VIEWS = ['findings', 'teams', 'whatIf'] as const;
type View = (typeof VIEWS)[number];

/** Audits one snapshot: counts, the findings list with its detail, team member drift and the what-if comparison. */
export function AuditScreen() {
  const { t } = useTranslation();
  const snapshotId = useNavigation((state) => state.snapshotId);
  const selectSnapshot = useNavigation((state) => state.selectSnapshot);
  const go = useNavigation((state) => state.go);
  const auditedId = useAudit((state) => state.snapshotId);
  const status = useAudit((state) => state.status);
  const summary = useAudit((state) => state.summary);
  const error = useAudit((state) => state.error);
  const run = useAudit((state) => state.run);
  const options = useSnapshotOptions();
  const [view, setView] = useState<View>('findings');

  useEffect(() => {
    if (snapshotId !== null && snapshotId !== auditedId) void run(snapshotId);
  }, [snapshotId, auditedId, run]);

  return (
    <section className="screen screen--fill" aria-labelledby="audit-heading" aria-busy={status === 'loading'}>
      <ScreenHeader id="audit-heading" title={t('audit.heading')} description={t('audit.description')}>
        <SnapshotPicker label={t('audit.snapshot')} value={snapshotId} onChange={selectSnapshot} options={options} />
        {snapshotId !== null && status === 'ready' && <ReconcileLauncher snapshotId={snapshotId} />}
      </ScreenHeader>

      {snapshotId === null && (
        <EmptyPanel id="audit-empty" title={t('audit.noSnapshotTitle')}>
          <p>{options.length > 0 ? t('audit.noSnapshotPick') : t('audit.noSnapshotBody')}</p>
          {options.length === 0 && (
            <button type="button" className="button button--primary" onClick={() => go('snapshots')}>
              {t('audit.toSnapshots')}
            </button>
          )}
        </EmptyPanel>
      )}
      {snapshotId !== null && status === 'loading' && <LoadingPanel text={t('audit.running')} />}
      {snapshotId !== null && status === 'error' && error !== null && (
        <ErrorPanel title={t('audit.failed')} error={error} onRetry={() => void run(snapshotId)} />
      )}
      {snapshotId !== null && status === 'ready' && summary !== null && (
        <>
          <AuditSummary summary={summary} />
          <Tabs
            label={t('audit.viewsLabel')}
            tabs={VIEWS.map((entry) => ({ id: entry, label: t(`audit.views.${entry}`) }))}
            active={view}
            onChange={(next) => setView(next as View)}
          />
          <div role="tabpanel" id={`audit-panel-${view}`} aria-labelledby={`tab-${view}`} className="tab-panel">
            {view === 'findings' && <FindingsView />}
            {view === 'teams' && <TeamsView snapshotId={snapshotId} />}
            {view === 'whatIf' && <WhatIfView snapshotId={snapshotId} />}
          </div>
        </>
      )}
    </section>
  );
}
