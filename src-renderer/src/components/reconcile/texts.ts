/** Translated sentences for plan operations, skipped items and errors, built from the names main sends. */
import type { TFunction } from 'i18next';
import type { IpcError } from '../../../../src-main/ipc/contract';
import type { PlannedOperationDto, SkippedItemDto } from '../../../../src-main/ipc/schemas/reconcile';

export type ReconcileT = TFunction<'reconcile'>;

export function consequenceText(t: ReconcileT, operation: Pick<PlannedOperationDto, 'kind' | 'params'>): string {
  const params = operation.params;
  switch (operation.kind) {
    case 'user.create':
      return params.role === null || params.role === undefined ? t('consequence.user.create_defaultRole', params) : t('consequence.user.create', params);
    case 'user.delete':
      return t('consequence.user.delete', params);
    case 'user.set_role':
      return params.from === null || params.from === undefined ? t('consequence.user.set_role_unknownFrom', params) : t('consequence.user.set_role', params);
    case 'team.create':
      return t('consequence.team.create', params);
    case 'team.add_member':
      return params.newTeam === null || params.newTeam === undefined ? t('consequence.team.add_member', params) : t('consequence.team.add_member_newTeam', params);
    case 'team.remove_member':
      return t('consequence.team.remove_member', params);
    case 'team.rename':
      return params.fromSlug === params.toSlug ? t('consequence.team.rename_sameSlug', params) : t('consequence.team.rename', params);
  }
}

/** Describes the skipped change in the reader's language, or returns null when only the planner's English describes it. */
export function skippedWhat(t: ReconcileT, item: SkippedItemDto): string | null {
  if (item.action === 'other') return null;
  // The kind's name comes from the Audit screen's text, in the default namespace.
  if (item.action === 'fixFinding') return t('skipped.action.fixFinding', { kind: t(`kinds.${item.findingKind}`, { ns: 'translation' }) });
  return t(`skipped.action.${item.action}`, item.params);
}

export function skippedWhy(t: ReconcileT, item: SkippedItemDto): string | null {
  return item.cause === 'other' ? null : t(`skipped.cause.${item.cause}`, item.params);
}

const KNOWN_ERRORS = ['reconcile_rejected', 'reconcile_sentry_mismatch', 'reconcile_nothing_to_do', 'reconcile_run_active', 'reconcile_run_not_active', 'missing_secret'] as const;

export function errorText(t: ReconcileT, error: IpcError): string {
  const details = typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  if ((KNOWN_ERRORS as readonly string[]).includes(error.code)) return t(`errors.${error.code as (typeof KNOWN_ERRORS)[number]}`, details);
  return t('errors.other', { message: error.message });
}
