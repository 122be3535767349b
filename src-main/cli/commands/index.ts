import type { Command } from '../command';
import { auditCommand } from './audit';
import { diffCommand } from './diff';
import { fetchCommand } from './fetch';
import { reportCommand } from './report';
import { showCommand } from './show';
import { snapshotsCommand } from './snapshots';
import { whatifCommand } from './whatif';

export const COMMANDS: Command[] = [fetchCommand, snapshotsCommand, showCommand, auditCommand, whatifCommand, diffCommand, reportCommand];
