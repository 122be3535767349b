/** Messages and targets shared by the benchmark's parent, its per-size child and the fakes child. */

export const STEPS = ['capture', 'write', 'read', 'audit', 'report'] as const;
export type StepName = (typeof STEPS)[number];

/** Message from the fakes child once its servers listen, with everything a client needs to capture from them. */
export interface FakesReady {
  type: 'ready';
  users: number;
  generateMs: number;
  caPem: string;
  authorityHost: string;
  graphUrl: string;
  scimBaseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  appId: string;
  scimToken: string;
  /** Findings per kind that the generator planted drift for. */
  expectedFindings: Record<string, number>;
}

export interface StepResult {
  step: StepName;
  wallMs: number;
  /** User plus system CPU time of all the process's threads. A value far below wallMs means the step waited or was not scheduled. */
  cpuMs: number;
  /** RSS high-water mark of the process during the step, in bytes. */
  peakRssBytes: number;
  /** Step-specific facts for the log, such as row counts or the workbook size. */
  detail: string;
}

/** Message from the per-size child with its measurements. */
export interface SizeReport {
  type: 'report';
  users: number;
  generateMs: number;
  peakRssMethod: string;
  /** One-minute load averages of the machine from os.loadavg(), taken when each run of the size started and ended. */
  loadAverages: number[];
  steps: StepResult[];
  notes: string[];
}

export interface ChildFailure {
  type: 'error';
  message: string;
}

/** Targets for a tenant of 100,000 users on each side. Smaller tenants are held to the same numbers. */
export const TARGETS: Record<StepName, { wallMs: number } | null> = {
  capture: { wallMs: 90_000 },
  write: { wallMs: 3_000 },
  read: null,
  audit: { wallMs: 1_000 },
  report: { wallMs: 15_000 }
};

/** 1.5 GB in decimal units, the stricter reading of the target. */
export const PEAK_RSS_TARGET_BYTES = 1_500_000_000;
