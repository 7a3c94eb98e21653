import type { TargetState } from '../pgdata/target-state';
import type { CheckResult } from './check';

/** What the source says of itself that a target must match. */
export interface SourceFacts {
  identity: { systemIdentifier: string };
  info: { major: number };
  blockSize: number;
  segSize: number;
}

/** Design rule 8: same system, major version, block size and WAL segment size. */
export function checkTargetMatchesSource(target: TargetState, source: SourceFacts): CheckResult[] {
  const c = target.control;
  const sysid = source.identity.systemIdentifier;
  const results: CheckResult[] = [];
  const identity = { id: 'same-system', title: 'Target and source are the same cluster' };
  if (c.systemIdentifierText !== sysid) {
    results.push({ ...identity, status: 'fail',
      detail: `source and target clusters are from different systems: the target has system identifier ${c.systemIdentifierText}, the source ${sysid}`,
      fix: 'Check the connection points at the right primary; to replace the target with a copy of this source, use -b FULL into an empty directory.' });
  } else if (target.marker && target.marker.sourceSystemIdentifier !== sysid) {
    results.push({ ...identity, status: 'fail',
      detail: `the interrupted run in the target was syncing from system ${target.marker.sourceSystemIdentifier}, this source is ${sysid}`,
      fix: 'Rerun against the source the interrupted run used, or rebuild the target with -b FULL.' });
  } else {
    results.push({ ...identity, status: 'pass', detail: `system identifier ${sysid}` });
  }
  const layout = { id: 'same-layout', title: 'Same major version, block size and WAL segment size' };
  const diffs: string[] = [];
  if (target.majorVersion !== source.info.major) diffs.push(`major version ${target.majorVersion} vs ${source.info.major}`);
  if (c.blockSize !== source.blockSize) diffs.push(`block size ${c.blockSize} vs ${source.blockSize}`);
  if (c.walSegmentSize !== source.segSize) diffs.push(`WAL segment size ${c.walSegmentSize} vs ${source.segSize}`);
  results.push(diffs.length > 0
    ? { ...layout, status: 'fail', detail: `target vs source: ${diffs.join(', ')}`, fix: 'A copy can only be synced from a cluster of the same build: use -b FULL into an empty directory.' }
    : { ...layout, status: 'pass', detail: `PostgreSQL ${source.info.major}, ${c.blockSize}-byte blocks, ${c.walSegmentSize / 1048576} MB segments` });
  return results;
}
