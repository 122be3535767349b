/**
 * The built-in demo tenant: Contoso's Entra tenant (`contoso.example`, 200 office users and 10,050
 * store associates, 16 groups) and its Sentry organization `contoso`, with every kind of drift the
 * audit reports planted on named people, groups or teams (listed in `DEMO_DRIFTS`). Everything is
 * derived from one fixed seed and one fixed reference time, so `buildDemoSeed()` returns the same
 * object on every run and `resources/demo/seed.json` can be compared with it byte for byte.
 *
 * The job matches users on `userName <- [mail]`, not on Entra's default `[userPrincipalName]`.
 * Entra requires a UPN on every user, so with the default no user could ever be unmatchable. With
 * `mail`, Entra skips a user without an Exchange Online licence (mail is null), a common real cause
 * of that finding. Organizations whose UPNs are not e-mail addresses map `mail` for the same reason.
 */
import type { ScopingFilter } from '../graph/sync-schema';
import type { Seed, SeedGraphUser, SeedScimUser } from '../seed';
import { SeedBuilder, type PersonOptions } from './builder';
import { addDemoProvisioning } from './demo-provisioning';
import { addressPart, GIVEN_NAMES, SURNAMES } from './names';

/** "Now" for the demo: provisioning logs cover the 7 days before it, and the last cycle ended 36 minutes before it. */
export const DEMO_REFERENCE_TIME = new Date('2026-11-30T09:00:00Z');

const DEMO_RANDOM_SEED = 20261130;
const DOMAIN = 'contoso.example';

/** Employees (they have an HR employee id) and guests from the partner company Fabrikam are provisioned. */
export const DEMO_SCOPING_FILTER: ScopingFilter = {
  groups: [
    { name: 'Employees', clauses: [{ operatorName: 'IS_NOT_NULL', sourceOperandName: 'employeeId', targetOperand: { values: [] } }] },
    { name: 'Fabrikam partners', clauses: [{ operatorName: 'ENDS_WITH', sourceOperandName: 'mail', targetOperand: { values: ['@fabrikam.example'] } }] }
  ]
};

/** Generated colleagues per group; together with the 33 named people they make 200 users. */
const FILLER_COUNTS = {
  engineering: 60,
  platformTeam: 10,
  platformTeamLower: 4,
  mobile: 7,
  siteReliability: 6,
  dataPlatform: 7,
  design: 6,
  support: 17,
  finance: 4,
  marketing: 18,
  sales: 24,
  helpdesk: 4
} as const;

type FillerGroup = keyof typeof FILLER_COUNTS;

/**
 * Members of the Store Associates group. More than Sentry's 10,000-member cap on a team's SCIM member
 * list, so the Store Associates team is read truncated and the audit reports `group.member_list_truncated`.
 */
export const STORE_ASSOCIATE_COUNT = 10_050;

/** Creates people with random names that no earlier user of the tenant has. */
function addFillers(builder: SeedBuilder, usedLocalParts: Set<string>, count: number): SeedGraphUser[] {
  const people: SeedGraphUser[] = [];
  while (people.length < count) {
    const givenName = builder.rng.pick(GIVEN_NAMES);
    const surname = builder.rng.pick(SURNAMES);
    const localPart = `${addressPart(givenName)}.${addressPart(surname)}`;
    if (usedLocalParts.has(localPart)) continue;
    usedLocalParts.add(localPart);
    people.push(builder.person({ givenName, surname }));
  }
  return people;
}

/**
 * Adds the Store Associates group, assigned to the app, with its members, their Sentry members and the
 * matching team. Everything else about them is in sync, so the truncated team list is their only finding.
 * It runs after the rest of the tenant is built, so the earlier users and ids come out as before.
 */
function addStoreAssociates(builder: SeedBuilder, assignedAt: Date): void {
  // Every address already in the tenant or the organization, so no associate shares one with a planted drift.
  const { graph, scim } = builder.seed;
  const graphAddresses = graph.users.flatMap((user) => [user.userPrincipalName, user.mail ?? '', ...(user.proxyAddresses ?? []).map((address) => address.slice('smtp:'.length))]);
  const usedAddresses = new Set([...graphAddresses, ...scim.users.map((member) => member.userName)].map((address) => address.toLowerCase()));

  const associates: SeedGraphUser[] = [];
  while (associates.length < STORE_ASSOCIATE_COUNT) {
    const givenName = builder.rng.pick(GIVEN_NAMES);
    const surname = builder.rng.pick(SURNAMES);
    const baseLocalPart = `${addressPart(givenName)}.${addressPart(surname)}`;
    // The name pool has fewer pairs than associates, so repeated names get a numeric suffix (anna.berg7).
    let address = `${baseLocalPart}@${DOMAIN}`;
    for (let suffix = 2; usedAddresses.has(address); suffix++) address = `${baseLocalPart}${suffix}@${DOMAIN}`;
    usedAddresses.add(address);
    associates.push(builder.person({ givenName, surname, userPrincipalName: address }));
  }

  const group = builder.group('Store Associates', associates);
  builder.assign(group, 'User', assignedAt);
  const members = associates.map((user) => builder.member(user.mail as string));
  builder.team('Store Associates', members);
}

export function buildDemoSeed(): Seed {
  const b = new SeedBuilder({ seed: DEMO_RANDOM_SEED, domain: DOMAIN, orgSlug: 'contoso', firstMemberId: 4101, firstTeamId: 301 });
  const usedLocalParts = new Set<string>();
  const named = (options: PersonOptions): SeedGraphUser => {
    const user = b.person(options);
    usedLocalParts.add(user.userPrincipalName.split('@')[0]?.toLowerCase() ?? '');
    return user;
  };

  // People assigned to the app directly.
  const mira = named({ givenName: 'Mira', surname: 'Kovacs' });
  const jonas = named({ givenName: 'Jonas', surname: 'Lindqvist' });
  const ravi = named({ givenName: 'Ravi', surname: 'Menon' });
  const aisha = named({ givenName: 'Aisha', surname: 'Bello' });
  const owen = named({ givenName: 'Owen', surname: 'Price', accountEnabled: false });
  const peter = named({ givenName: 'Peter', surname: 'Hall', xDeleted: true });
  const guest = (givenName: string, surname: string, domain: string): PersonOptions => {
    const alias = `${addressPart(givenName)}.${addressPart(surname)}`;
    return { givenName, surname, userPrincipalName: `${alias}_${domain}#EXT#@${DOMAIN}`, mail: `${alias}@${domain}`, employeeId: null, userType: 'Guest' };
  };
  const elena = named(guest('Elena', 'Petrova', 'fabrikam.example'));
  const marcus = named(guest('Marcus', 'Webb', 'fabrikam.example'));
  // Northwind guests fail both scoping groups: no employee id, and mail is not at fabrikam.example.
  const sofia = named(guest('Sofia', 'Reyes', 'northwind.example'));

  // Named members of the assigned groups, each carrying one planted drift.
  const priya = named({ givenName: 'Priya', surname: 'Raman', secondaryAddresses: ['p.raman@contoso.example'] });
  const daniel = named({ givenName: 'Daniel', surname: 'Okafor', userPrincipalName: 'dokafor@contoso.example', mail: 'daniel.okafor@contoso.example' });
  const tariq = named({ givenName: 'Tariq', surname: 'Haddad', mail: null });
  const nadia = named({ givenName: 'Nadia', surname: 'Rahman', accountEnabled: false });
  const leo = named({ givenName: 'Leo', surname: 'Fischer', employeeId: null });
  const yusuf = named({ givenName: 'Yusuf', surname: 'Demir' });
  const marco = named({ givenName: 'Marco', surname: 'Rossi' });
  const amara = named({ givenName: 'Amara', surname: 'Nwosu' });
  const eva = named({ givenName: 'Eva', surname: 'Novak', employeeId: 'C-2007' });
  const contractors = [
    named({ givenName: 'Ahmed', surname: 'Karimi', employeeId: 'C-2011' }),
    named({ givenName: 'Beatriz', surname: 'Lopes', employeeId: 'C-2012' }),
    named({ givenName: 'Jie', surname: 'Chen', employeeId: 'C-2013' }),
    named({ givenName: 'Dmitri', surname: 'Volkov', employeeId: 'C-2014' })
  ];
  const lars = named({ givenName: 'Lars', surname: 'Eriksson', mail: 'Lars.Eriksson@contoso.example' });
  const sven = named({ givenName: 'Sven', surname: 'Olsen' });
  const tomasz = named({ givenName: 'Tomasz', surname: 'Nowak' });
  // An 82-character address: Entra accepts it, but Sentry stores at most 75 characters of member e-mail.
  const longAddress = 'anna-katharina.von-wittelsbach-hohenzollern@clinical-research.emea.contoso.example';
  const anna = named({ givenName: 'Anna-Katharina', surname: 'von Wittelsbach-Hohenzollern', userPrincipalName: longAddress });
  const hannah = named({ givenName: 'Hannah', surname: 'Schmidt', secondaryAddresses: ['hannah.mueller@contoso.example'] });
  const ines = named({ givenName: 'Ines', surname: 'Duarte' });
  const keiko = named({ givenName: 'Keiko', surname: 'Sato' });
  const fatima = named({ givenName: 'Fatima', surname: 'Zahra' });
  const grace = named({ givenName: 'Grace', surname: 'Liu' });
  const gina = named({ givenName: 'Gina', surname: 'Torres', accountEnabled: false });
  const chloe = named({ givenName: 'Chloe', surname: 'Martin' });

  const fill = {} as Record<FillerGroup, SeedGraphUser[]>;
  for (const key of Object.keys(FILLER_COUNTS) as FillerGroup[]) fill[key] = addFillers(b, usedLocalParts, FILLER_COUNTS[key]);

  // Groups. Engineering Contractors sits inside Engineering, so its members reach the app only through nesting.
  const contractorsGroup = b.group('Engineering Contractors', [...contractors, eva]);
  const engineering = b.group('Engineering', [...fill.engineering, priya, daniel, tariq, nadia, leo, yusuf, marco, eva, amara, contractorsGroup]);
  const platformTeam = b.group('Platform Team', [...fill.platformTeam, lars]);
  const platformTeamLower = b.group('platform-team', fill.platformTeamLower);
  const mobile = b.group('Mobile Developers', [...fill.mobile, sven]);
  const siteReliability = b.group('Site Reliability', [...fill.siteReliability, tomasz]);
  const dataPlatform = b.group('Data Platform', [...fill.dataPlatform, anna]);
  const securityChampions = b.group('Security Champions', fill.engineering.slice(0, 5));
  const design = b.group('Design', [...fill.design, hannah, ines, keiko]);
  const support = b.group('Customer Support', [...fill.support, fatima, grace, gina]);
  const finance = b.group('Finance', [...fill.finance, chloe]);
  b.group('Marketing', fill.marketing);
  b.group('Sales', fill.sales);
  b.group('IT Helpdesk', fill.helpdesk);
  b.group('All Staff', b.seed.graph.users.filter((user) => user.userType === 'Member' && !user.xDeleted));

  // Assignments: groups carry the User role except Finance, whose members are Sentry billing contacts.
  const longAgo = (days: number): Date => new Date(Date.UTC(2025, 8, 1) + days * 86_400_000);
  const afterLastCycle = new Date('2026-11-30T08:40:00Z');
  for (const [index, group] of [engineering, platformTeam, platformTeamLower, mobile, siteReliability, dataPlatform, design, support].entries()) {
    b.assign(group, 'User', longAgo(index * 9));
  }
  b.assign(finance, 'Billing', longAgo(80));
  b.assign(securityChampions, 'User', new Date('2026-11-29T10:05:00Z'));
  b.assign(mira, 'Admin', longAgo(0));
  b.assign(jonas, 'Admin', longAgo(120));
  b.assign(ravi, 'Admin', longAgo(1));
  b.assign(aisha, 'Manager', longAgo(60));
  b.assign(owen, 'User', longAgo(150));
  b.assign(peter, 'User', longAgo(40));
  b.assign(elena, 'User', longAgo(200));
  b.assign(sofia, 'User', longAgo(210));
  b.assign(marcus, 'User', afterLastCycle);

  // Sentry members. The first two owners created the organization before SCIM was enabled.
  const sentryOf = new Map<string, SeedScimUser>();
  const memberFor = (user: SeedGraphUser, userName: string, role = 'member', pending = false): SeedScimUser => {
    const member = b.member(userName, role, { pending });
    sentryOf.set(user.id, member);
    return member;
  };
  b.member('sentry-admin@contoso.example', 'owner');
  memberFor(mira, 'mira.kovacs@contoso.example', 'owner');
  memberFor(ravi, 'ravi.menon@contoso.example', 'admin');
  memberFor(aisha, 'aisha.bello@contoso.example', 'manager');
  memberFor(jonas, 'jonas.lindqvist@contoso.example');
  memberFor(owen, 'owen.price@contoso.example');
  memberFor(peter, 'peter.hall@contoso.example');
  memberFor(elena, 'elena.petrova@fabrikam.example');
  memberFor(sofia, 'sofia.reyes@northwind.example');
  memberFor(priya, 'p.raman@contoso.example');
  memberFor(daniel, 'dokafor@contoso.example');
  memberFor(tariq, 'tariq.haddad@contoso.example');
  for (const user of [nadia, leo, yusuf, marco, eva, hannah, ines, chloe]) memberFor(user, user.mail as string);
  memberFor(lars, 'lars.eriksson@contoso.example');
  memberFor(fatima, 'Fatima.Zahra@contoso.example');
  // Tomasz was invited by hand in lower case, later again with capitals; Sentry keeps both as sent.
  const tomaszMembers = [b.member('tomasz.nowak@contoso.example'), b.member('Tomasz.Nowak@contoso.example', 'member', { pending: true })];
  b.member('hannah.mueller@contoso.example');
  const orphans = ['brian.oconnor@contoso.example', 'julia.santos@contoso.example', 'kevin.zhang@contoso.example'].map((userName) => b.member(userName));

  const provisionedFillers: FillerGroup[] = ['engineering', 'platformTeam', 'platformTeamLower', 'mobile', 'siteReliability', 'dataPlatform', 'design', 'support', 'finance'];
  for (const key of provisionedFillers) {
    // About one in twelve invites is still pending; SCIM shows pending and accepted members alike.
    for (const user of fill[key]) memberFor(user, user.mail as string, key === 'finance' ? 'billing' : 'member', b.rng.int(12) === 0);
  }

  // Teams. Entra adds only members it linked; the exceptions below are the planted team drifts.
  const membersOf = (users: SeedGraphUser[]): SeedScimUser[] => users.map((user) => sentryOf.get(user.id)).filter((member): member is SeedScimUser => member !== undefined);
  const kevin = orphans[2] as SeedScimUser;
  b.team('Engineering', [...membersOf([...fill.engineering, nadia, marco, eva]), kevin]);
  const platformTeamTeam = b.team('Platform Team', membersOf([...fill.platformTeam, lars, ...fill.platformTeamLower]));
  // Renamed in Sentry's UI: the slug no longer follows the name, and the name lost its capital D.
  const mobileTeam = b.team('Mobile developers', membersOf(fill.mobile), 'mobile');
  b.team('Site Reliability', membersOf(fill.siteReliability));
  b.team('Design', membersOf([...fill.design, hannah, marco]));
  b.team('Customer Support', membersOf([...fill.support, fatima]));
  b.team('Finance', membersOf([...fill.finance, chloe]));
  b.team('Frontend Guild', membersOf([...fill.engineering.slice(10, 14), mira]));
  b.team('Incident Review', membersOf([...fill.siteReliability.slice(0, 2), ...fill.platformTeam.slice(0, 2)]));

  addDemoProvisioning(b, {
    referenceTime: DEMO_REFERENCE_TIME,
    scopingFilter: DEMO_SCOPING_FILTER,
    sentryOf,
    people: { jonas, owen, peter, sofia, nadia, leo, amara, sven, tomasz, anna, grace, chloe },
    tomaszMembers,
    groups: { platformTeam, platformTeamLower, mobile, dataPlatform, securityChampions },
    platformTeam: platformTeamTeam,
    mobileTeam,
    routineUsers: provisionedFillers.flatMap((key) => fill[key])
  });
  addStoreAssociates(b, longAgo(30));
  return b.seed;
}
