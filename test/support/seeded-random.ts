/**
 * Seeded randomness for fault tests: every randomized test prints its seed, and
 * PG_CATCHUP_TEST_SEED=<seed> replays a failure exactly.
 */
export function testSeed(what: string): number {
  const fixed = process.env.PG_CATCHUP_TEST_SEED;
  const seed = fixed !== undefined && fixed !== '' ? Number(fixed) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw new Error(`PG_CATCHUP_TEST_SEED must be an integer, not "${fixed}"`);
  // eslint-disable-next-line no-console
  console.log(`${what}: seed ${seed} (replay with PG_CATCHUP_TEST_SEED=${seed})`);
  return seed;
}

/** mulberry32: a small, fast PRNG; numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
