/**
 * `npm run lab`: the multi-region lab on this machine — a PostgreSQL primary for iad, streaming
 * replicas for iad, fra and sin behind WAN-delay links, an API server and a Fly-like edge per
 * region, and an entry point per simulated user. Prints where everything listens; Ctrl-C stops
 * it all (every process it started, every temp folder).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './app-server';
import { startCluster } from './cluster';
import { startDeployment, TOPOLOGY_TITLES, type Topology } from './deployment';
import { PRIMARY_REGION, REGIONS, regionRtt, USERS } from './rtt';

const SHUTDOWN_LIMIT_MS = 20_000;
const topology = (process.argv[2] ?? 'replicas') as Topology;
if (!(topology in TOPOLOGY_TITLES)) {
  console.error(`usage: npm run lab [-- ${Object.keys(TOPOLOGY_TITLES).join('|')}]`);
  process.exit(2);
}

let stopping = false;
const teardown: (() => Promise<void>)[] = [];
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nstopping the lab…');
    setTimeout(() => {
      console.error('lab: teardown took too long; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    for (const step of teardown.reverse()) await step().catch((error) => console.error(error));
    console.log('lab stopped: every process ended, temp folders removed');
  }
  process.exit(code);
}
// Registered before anything starts, so our orderly teardown runs before the harness's own
// last-resort hooks.
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const started = performance.now();
  console.log('lab: starting PostgreSQL (primary + replicas through WAN-delay links)…');
  const cluster = await startCluster();
  teardown.push(() => cluster.stop());
  console.log(`lab: starting ${TOPOLOGY_TITLES[topology]}…`);
  // With a web build the lab serves the app too: open a user's address in a browser.
  const webRoot = join(REPO_ROOT, 'apps', 'web', 'dist');
  const deployment = await startDeployment(
    cluster,
    topology,
    existsSync(join(webRoot, 'index.html')) ? { webRoot } : {},
  );
  teardown.push(() => deployment.stop());

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nlab up in ${seconds} s — ${TOPOLOGY_TITLES[topology]}\n`);
  console.log(`primary (${PRIMARY_REGION})   ${cluster.primary.url}`);
  for (const region of REGIONS) {
    const link = cluster.primaryLinks[region];
    console.log(
      `replica ${region}       ${cluster.replicas[region].url}${link ? `  (streams through ${regionRtt(region, PRIMARY_REGION)} ms RTT)` : '  (local standby)'}`,
    );
  }
  console.log('');
  for (const region of REGIONS) {
    const r = deployment.regions[region];
    if (!r) continue;
    console.log(
      `region ${region}  edge ${r.edge.url}   server ${r.server.url} (pid ${r.server.pid})`,
    );
  }
  console.log('');
  for (const user of USERS) {
    const entry = deployment.users[user];
    console.log(
      `user ${user.padEnd(10)} ${entry.url}  → ${entry.region} edge, ${entry.rttMs} ms RTT`,
    );
  }
  console.log(
    `\ntry: curl -s ${deployment.users.singapore.url}/api/health | jq   (Ctrl-C stops everything)`,
  );
} catch (error) {
  console.error('lab failed to start:', error);
  await shutdown(1);
}
