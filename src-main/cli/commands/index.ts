import type { Command } from '../command';
import { auditCommand } from './audit';
import { diffCommand } from './diff';
import { exportSnapshotCommand } from './export-snapshot';
import { fetchCommand } from './fetch';
import { importCommand } from './import';
import { reconcileCommand } from './reconcile';
import { reportCommand } from './report';
import { showCommand } from './show';
import { snapshotsCommand } from './snapshots';
import { verifyCommand } from './verify';
import { whatifCommand } from './whatif';

export const COMMANDS: Command[] = [fetchCommand, importCommand, snapshotsCommand, showCommand, auditCommand, whatifCommand, diffCommand, reportCommand, reconcileCommand, exportSnapshotCommand, verifyCommand];
