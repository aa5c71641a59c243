import { join } from 'node:path';

export interface CephPorts {
  /** The monitor's legacy (v1) and current (v2) messenger ports. */
  monV1: number;
  monV2: number;
  /** radosgw's HTTP port. */
  radosgw: number;
  /** The OSD's messengers bind the first free ports of this range. */
  messengerRange: { min: number; max: number };
}

/** The client name radosgw runs as; its section in ceph.conf holds the gateway's settings. */
export const RADOSGW_NAME = 'client.rgw.s3';

/**
 * A one-machine cluster that lives in `dir` and dies with the tests: one monitor, one OSD keeping
 * its data in memory (memstore), no cephx (nothing but this process can reach 127.0.0.1), and
 * every pool with a single replica. See /work/shared/notes/s3-radosgw.md for why each line is here.
 */
export function renderCephConf(dir: string, fsid: string, ports: CephPorts): string {
  const monHost = `[v2:127.0.0.1:${ports.monV2},v1:127.0.0.1:${ports.monV1}]`;
  return `[global]
fsid = ${fsid}
mon_host = ${monHost}
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_port_min = ${ports.messengerRange.min}
ms_bind_port_max = ${ports.messengerRange.max}
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
keyring = ${join(dir, 'keyring')}
run_dir = ${join(dir, 'run')}
admin_socket = ${join(dir, 'run', '$cluster-$name.asok')}
log_file = ${join(dir, 'log', '$cluster-$name.log')}
mon_data = ${join(dir, 'mon', '$cluster-$id')}
osd_data = ${join(dir, 'osd', '$cluster-$id')}
osd_objectstore = memstore
memstore_device_bytes = 1073741824
osd_pool_default_size = 1
osd_pool_default_min_size = 1
mon_allow_pool_size_one = true
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
mon_max_pg_per_osd = 1000
osd_crush_chooseleaf_type = 0
# A nearly full /tmp must not stop a test cluster that keeps its data in memory.
mon_data_avail_crit = 0
mon_data_avail_warn = 0
# The monitor batches map changes for up to 1 s each. radosgw creates its pools one after the
# other at start (and a data pool at the first write), each a few such changes: this is 12 s of
# start-up at the default, under 1 s here.
paxos_propose_interval = 0.01
paxos_min_wait = 0.01

[${RADOSGW_NAME}]
# Without it radosgw hangs at "get_initial_auth_request returned -13".
ms_mon_client_mode = crc secure
rgw_frontends = beast endpoint=127.0.0.1:${ports.radosgw}
rgw_data = ${join(dir, 'radosgw')}
`;
}
