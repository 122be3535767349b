import type { FindingKind } from '../model/finding';
import { field, type FindingText, type TextDetails } from './text-helpers';

const SLUG_PROBLEMS: Record<string, string> = {
  empty: 'empty',
  numeric: 'entirely numeric',
  too_long: 'longer than 50 characters',
  invalid: 'not made of lower-case letters, digits, _ and -'
};

/** English texts: what Entra's next provisioning cycle does, then what to do about it. */
export const ENGLISH: Record<FindingKind, (d: TextDetails) => FindingText> = {
  'user.missing_in_sentry': (d) => ({
    explanation:
      `No Sentry member has userName "${field(d, 'matchValue')}", so Entra sends POST /Users on its next cycle and Sentry creates a pending invite for that address.` +
      (d.valueIsEmail === false ? ` Sentry rejects the request with 400 because userName must be an e-mail address, so the member is never created.` : ''),
    recommendedAction:
      d.valueIsEmail === false
        ? `Map an attribute that holds an e-mail address to userName, or remove ${field(d, 'user')} from the Sentry app.`
        : `No action if ${field(d, 'user')} should have Sentry access; otherwise remove the assignment in Entra. If the user stays missing after a cycle, check the provisioning log.`
  }),
  'user.orphaned_in_sentry': (d) => ({
    explanation:
      (d.reason === 'scoping_failed'
        ? `Sentry member "${field(d, 'sentryUserName')}" belongs to Entra user ${field(d, 'user')}, who fails the scoping filter clause ${field(d, 'failedClause')}.`
        : `No in-scope Entra user matches Sentry member "${field(d, 'sentryUserName')}".`) +
      (d.provisionedByEntra === true
        ? ' The provisioning log shows Entra managed this member before, so Entra treats the person as out of scope and sends PATCH active=false, which deletes the member in Sentry.'
        : ' Entra leaves members it never provisioned alone, so this membership stays unless Entra provisioned it before, in which case Entra sends PATCH active=false and Sentry deletes the member.') +
      (d.syncAll === true ? ' The job syncs all users, so the person may be a tenant user outside this snapshot.' : ''),
    recommendedAction:
      field(d, 'sentryOrgRole') === 'owner'
        ? `Confirm that owner "${field(d, 'sentryUserName')}" is an intended account outside Entra, such as a break-glass owner; owners cannot be provisioned through SCIM.`
        : `Confirm whether "${field(d, 'sentryUserName')}" still needs Sentry access: assign the person to the Sentry app in Entra, or remove the member in Sentry.`
  }),
  'user.disabled_in_entra': (d) => ({
    explanation:
      `${field(d, 'user')} is ${d.state === 'deleted' ? 'deleted' : 'disabled'} in Entra but still a Sentry member as "${field(d, 'sentryUserName')}".` +
      (d.updateEnabled === false
        ? ' The user mapping\'s target object actions leave out Update, so Entra sends no PATCH active=false and the membership stays.'
        : d.linkedByEntra === true
        ? ' Entra provisioned or matched this member before, so on its next cycle it sends PATCH active=false, and Sentry deletes the member.'
        : ' If Entra provisioned or matched this member before, it sends PATCH active=false on its next cycle and Sentry deletes the member; if not, Entra skips the user and the membership stays.'),
    recommendedAction: `Check that the membership disappears after the next cycle; if it stays, remove member "${field(d, 'sentryUserName')}" in Sentry.`
  }),
  'user.matching_attribute_mismatch': (d) => ({
    explanation: String(d.secondaryAttribute).startsWith('previous ')
      ? `Entra now sends userName "${field(d, 'matchValue')}", but Sentry member "${field(d, 'sentryUserName')}" matches the value "${field(d, 'secondaryValue')}" from the previous snapshot. ` +
        'If Entra linked the member under the old value, it keeps using the member id, but its update of userName fails because Sentry cannot rename members. After a restart, or for a member Entra never linked, Entra finds no member with the new value and invites the person a second time.'
      :
      `Entra sends userName "${field(d, 'matchValue')}" from ${field(d, 'sourceAttribute')}, but the same person is Sentry member "${field(d, 'sentryUserName')}" (found through ${field(d, 'secondaryAttribute')}). ` +
      'Entra finds no member with its value and sends POST /Users, so Sentry invites the person a second time; Sentry answers 409 only when that address already belongs to the member. The existing membership stays outside Entra\'s control.',
    recommendedAction: `Make the values agree: change the member's address in Sentry to "${field(d, 'matchValue')}", or map the attribute that holds "${field(d, 'sentryUserName')}" to userName.`
  }),
  'user.case_only_difference': (d) => ({
    explanation: `Entra sends userName "${field(d, 'matchValue')}" and Sentry holds "${field(d, 'sentryUserName')}". They differ only in letter case, and Sentry compares userName case-insensitively, so Entra still finds the member.`,
    recommendedAction: 'No action needed.'
  }),
  'user.duplicate_in_sentry': (d) => ({
    explanation:
      d.cause === 'matching'
        ? `Sentry's lookup for userName "${field(d, 'matchValue')}" returns ${field(d, 'count')} members (${field(d, 'sentryUserNames')}). Entra stops with DuplicateTargetEntries and changes nothing for ${field(d, 'user')}.`
        : `${field(d, 'user')} holds ${field(d, 'count')} Sentry memberships (${field(d, 'sentryUserNames')}). Entra manages only the one matching "${field(d, 'matchValue')}"; the others stay when the person leaves.`,
    recommendedAction: 'Keep the membership whose userName equals the value Entra sends and remove the others in Sentry.'
  }),
  'user.nested_group_only': (d) => ({
    explanation:
      `${field(d, 'user')} reaches the Sentry app only through a group nested in ${field(d, 'nestedIn')}. Entra provisions only direct members of assigned groups, so it neither creates nor removes this user.` +
      (d.sentryUserName ? ` The existing member "${field(d, 'sentryUserName')}" is therefore not managed by Entra.` : ''),
    recommendedAction: `Assign ${field(d, 'user')} directly, or assign the nested group itself, if the person should have Sentry access.`
  }),
  'user.unmatchable': (d) => ({
    explanation:
      `${field(d, 'user')} is in scope but has no value in ${field(d, 'sourceAttribute')}, the source of userName. Entra skips the user (ImportSkipped), so it neither creates nor updates a member.` +
      (d.sentryUserName ? ` Sentry member "${field(d, 'sentryUserName')}" looks like the same person and stays unmanaged.` : ''),
    recommendedAction: `Fill ${field(d, 'sourceAttribute')} for this user in Entra, or remove the assignment.`
  }),
  'user.role_mismatch': (d) => {
    const owner =
      d.expectedRole === 'owner'
        ? ' Owners cannot be provisioned through SCIM: Sentry rejects sentryOrgRole "owner".'
        : d.sentryRole === 'owner'
          ? ' Sentry leaves an owner\'s role unchanged when the identity provider sends a role.'
          : '';
    const change = d.schemaMapsRole === true
      ? ' Entra does not change it on this member: it updates existing members with PATCH, and Sentry reads sentryOrgRole only when a member is created (POST) or replaced (PUT).'
      : ' Entra does not change it, because the provisioning schema does not map sentryOrgRole.';
    return {
      explanation: `App role ${field(d, 'appRole')} implies Sentry role "${field(d, 'expectedRole')}", but "${field(d, 'sentryUserName')}" has "${field(d, 'sentryRole')}".${change}${owner}`,
      recommendedAction: `Change the role of "${field(d, 'sentryUserName')}" in Sentry, or change the app role assignment in Entra so the two agree.`
    };
  },
  'group.missing_in_sentry': (d) => ({
    explanation: d.slugProblem
      ? `No Sentry team has slug "${field(d, 'slug')}". Entra sends POST /Groups for "${field(d, 'groupName')}", and Sentry rejects it with 400 because the slug is ${SLUG_PROBLEMS[field(d, 'slugProblem')] ?? 'invalid'}.`
      : `No Sentry team has slug "${field(d, 'slug')}", so Entra sends POST /Groups for "${field(d, 'groupName')}" on its next cycle. Sentry creates an empty team and Entra then adds the members.`,
    recommendedAction: d.slugProblem
      ? 'Rename the Entra group so that its slug contains letters and is at most 50 characters long.'
      : 'No action if the team should exist; otherwise remove the group assignment.'
  }),
  'group.slug_collision': (d) => ({
    explanation: `The groups ${field(d, 'groupNames')} all give the team slug "${field(d, 'slug')}". Entra matches each of them to the same Sentry team, so their memberships overwrite each other every cycle.`,
    recommendedAction: 'Rename the groups so each gives its own slug, or assign only one of them.'
  }),
  'group.name_mismatch': (d) => ({
    explanation:
      d.cause === 'renamed'
        ? `Team "${field(d, 'teamName')}" was named "${field(d, 'previousTeamName')}" in the previous snapshot, which matched group "${field(d, 'groupName')}". SCIM does not show the team's slug: if only the name changed, Entra finds the team by slug and renames it back; if the slug changed, Entra creates a new team.`
        : d.cause === 'same_name'
          ? `Team "${field(d, 'teamName')}" is named like the group, but Entra sends "${field(d, 'groupName')}", whose slug "${field(d, 'slug')}" differs from the team's "${field(d, 'teamSlug')}", so Entra creates a new team.`
          : `Entra finds team "${field(d, 'teamName')}" through slug "${field(d, 'slug')}" and sends PATCH to rename it to "${field(d, 'groupName')}".`,
    recommendedAction: 'Keep the names in step: rename the team or the group, and do not change slugs of provisioned teams in Sentry.'
  }),
  'group.unmanaged_in_sentry': (d) => ({
    explanation: `Team "${field(d, 'teamName')}" (slug "${field(d, 'slug')}", ${field(d, 'memberCount')} members) matches no assigned group. Entra ignores teams it does not manage.`,
    recommendedAction: 'No action unless the team should be managed through Entra; then assign the matching group.'
  }),
  'group.member_missing_in_sentry': (d) => ({
    explanation: `${field(d, 'user')} is a direct member of "${field(d, 'groupName')}", but "${field(d, 'member')}" is not in team "${field(d, 'teamName')}". Entra adds the member to the team on its next cycle.`,
    recommendedAction: 'If the member is still missing after a cycle, check the provisioning log for the group.'
  }),
  'group.member_extra_in_sentry': (d) => ({
    explanation:
      `"${field(d, 'member')}" is in team "${field(d, 'teamName')}" but not a direct, in-scope member of "${field(d, 'groupName')}". ` +
      'Entra removes a team member only when it sees the person leave the group, so a member added in Sentry stays.',
    recommendedAction: `Remove "${field(d, 'member')}" from the team in Sentry, or add the person to the group in Entra.`
  }),
  'group.member_list_truncated': (d) => ({
    explanation: `Sentry returned ${field(d, 'memberCount')} members for team "${field(d, 'teamName')}", its cap for one response, so the list may be incomplete and missing members cannot be confirmed.`,
    recommendedAction: 'Check the membership of this team in Sentry directly.'
  })
};
