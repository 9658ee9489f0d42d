/**
 * How the portal's server process runs (`npm run serve`, package.json, has the same; a unit test
 * holds them together), for the tools that start `next start` themselves: the benchmark and the
 * operations drills. Measured reading a 100,000-article sitemap cold on a fresh server (README
 * "Performance"):
 * - V8 grows its heap while it has room: without a limit a server under load climbs to ~500 MiB
 *   though it needs far less. 192 MiB of old space holds every route's work.
 * - The young generation's default 16 MiB semi-spaces are 32 MiB of RSS; 8 MiB ones took the peak
 *   from 229 to 200 MiB with the same throughput.
 * - glibc gives every thread its own malloc arena, and after a large Buffer is freed it serves the
 *   next ones from the main heap, which it cannot shrink: two arenas and large blocks always
 *   mapped on their own return that memory (peak 236 → 229 MiB, 233 → 209 MiB after). Other C
 *   libraries ignore these variables.
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=192", "--max-semi-space-size=8"] as const;

export const SERVER_ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" } as const;
