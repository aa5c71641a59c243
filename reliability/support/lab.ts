/**
 * The multi-region lab (lab/: a PostgreSQL primary for iad, streaming replicas behind WAN delays,
 * an API server and a Fly-like edge per region) as the reliability tests use it: the `replicas`
 * topology, with the servers' local object storage in a temp folder rather than the repo's
 * ./data, and a check that no API server died — the lab does not watch its children, so a crash
 * would otherwise read as a puzzling run of 502s from an edge.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cluster, startCluster } from '../../lab/src/cluster';
import { type Deployment, startDeployment } from '../../lab/src/deployment';

export interface Lab {
  cluster: Cluster;
  deployment: Deployment;
  stop(): Promise<void>;
}

export async function startLab(): Promise<Lab> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reliability-lab-'));
  let cluster: Cluster | undefined;
  let deployment: Deployment | undefined;
  const stop = async () => {
    await deployment?.stop();
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    cluster = await startCluster();
    deployment = await startDeployment(cluster, 'replicas', { env: { DATA_DIR: dataDir } });
    return { cluster, deployment, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The API servers that are no longer running, each with its last output. */
export function crashedServers(deployment: Deployment): string[] {
  const crashed: string[] = [];
  for (const region of Object.values(deployment.regions)) {
    if (!region) continue;
    try {
      process.kill(region.server.pid, 0);
    } catch {
      crashed.push(
        `${region.region} API server (pid ${region.server.pid}) died; its last output:\n${region.server.output().slice(-2_000)}`,
      );
    }
  }
  return crashed;
}
