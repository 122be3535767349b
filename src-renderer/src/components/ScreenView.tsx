import type { Screen } from '../stores/navigation';
import { AuditScreen } from './audit/AuditScreen';
import { ConnectionsScreen } from './connections/ConnectionsScreen';
import { DriftScreen } from './drift/DriftScreen';
import { ExportScreen } from './export/ExportScreen';
import { SnapshotsScreen } from './snapshots/SnapshotsScreen';

/** Renders the screen the navigation points at. */
export function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'connections':
      return <ConnectionsScreen />;
    case 'snapshots':
      return <SnapshotsScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'drift':
      return <DriftScreen />;
    case 'export':
      return <ExportScreen />;
  }
}
