/**
 * How long a run will take, said before it starts, and how many repetitions each backend gets.
 * The budgets are PostgreSQL's, so when both backends at the asked-for repetitions would take
 * longer than RUN_TARGET_MINUTES, PGlite gives up repetitions first (never below one).
 */
import type { Backend } from './report';

export const RUN_TARGET_MINUTES = 25;

/**
 * Seconds per step on the reference machine (2 cores, nothing else running), from full runs.
 * `setup` is starting the database and the migrating first start; seeding (most of it the
 * habits' stored summaries, one transaction each) scales with the users; `tail` is waiting,
 * after the warm-up and each repetition, for the server to finish the requests left in flight.
 */
const COSTS = {
  builds: 25,
  postgres: { setup: 15, seedPerThousandUsers: 35, coldStart: 1, scenarioSetup: 2, tail: 1 },
  pglite: { setup: 15, seedPerThousandUsers: 65, coldStart: 2.5, scenarioSetup: 2, tail: 2 },
  /** The original design beside PostgreSQL (`--peer`), its npm install and build not counted. */
  peer: { setup: 5, seedPerThousandUsers: 20, coldStart: 1.5, scenarioSetup: 3, tail: 1 },
} as const;

export interface RunShape {
  backends: Backend[];
  users: number;
  coldStartSamples: number;
  warmupSec: number;
  durationSec: number;
  /** HTTP scenarios per backend. */
  httpScenarios: number;
  /** Whether PostgreSQL also measures the database ceiling (one more scenario's worth). */
  databaseCeiling: boolean;
  /** The peer's scenarios (`--peer`), run as often as PostgreSQL's; 0 without a peer. */
  peerScenarios?: number;
}

export type Repetitions = Record<Backend, number>;

export function estimateSeconds(shape: RunShape, repeat: Repetitions): number {
  let seconds = COSTS.builds;
  for (const backend of shape.backends) {
    const cost = COSTS[backend];
    const scenarios =
      shape.httpScenarios + (backend === 'postgres' && shape.databaseCeiling ? 1 : 0);
    const perScenario =
      cost.scenarioSetup +
      shape.warmupSec +
      cost.tail +
      repeat[backend] * (shape.durationSec + cost.tail);
    seconds +=
      cost.setup +
      (cost.seedPerThousandUsers * shape.users) / 1000 +
      cost.coldStart * shape.coldStartSamples +
      scenarios * perScenario;
  }
  const peerScenarios = shape.peerScenarios ?? 0;
  if (peerScenarios > 0) {
    const cost = COSTS.peer;
    seconds +=
      cost.setup +
      (cost.seedPerThousandUsers * shape.users) / 1000 +
      cost.coldStart * shape.coldStartSamples +
      peerScenarios *
        (cost.scenarioSetup +
          shape.warmupSec +
          cost.tail +
          repeat.postgres * (shape.durationSec + cost.tail));
  }
  return seconds;
}

export interface RepetitionPlan {
  repeat: Repetitions;
  estimateSeconds: number;
  /** True when PGlite runs fewer repetitions than PostgreSQL to keep within the target. */
  pgliteReduced: boolean;
}

/**
 * `repeat` for PostgreSQL; for PGlite `pgliteRepeat` when given, else `repeat` lowered while
 * the whole run would overrun the target.
 */
export function planRepetitions(
  shape: RunShape,
  repeat: number,
  pgliteRepeat?: number,
): RepetitionPlan {
  const plan: Repetitions = { postgres: repeat, pglite: pgliteRepeat ?? repeat };
  const targetSeconds = RUN_TARGET_MINUTES * 60;
  if (pgliteRepeat === undefined && shape.backends.includes('pglite')) {
    while (plan.pglite > 1 && estimateSeconds(shape, plan) > targetSeconds) plan.pglite--;
  }
  return {
    repeat: plan,
    estimateSeconds: estimateSeconds(shape, plan),
    pgliteReduced: shape.backends.includes('pglite') && plan.pglite < plan.postgres,
  };
}
